import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	checklist,
	hostSpec,
	lastOf,
	openHost,
	openReadyHost,
	received,
	send,
	waitFor,
	watchEmbed,
	type Message
} from './embed-host';

hostSpec();

/** The iframe's height on the host page, and the height of the embed's content inside it. */
async function heights(page: Page) {
	const frame = page.frames().find((f) => f !== page.mainFrame())!;
	const [outer, inner] = await Promise.all([
		page
			.locator('iframe')
			.first()
			.evaluate((f: HTMLIFrameElement) => f.clientHeight),
		frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))
	]);
	return { outer, inner };
}

/** Waits until the iframe is as tall as its content, then checks that it stays so for a second. */
async function expectSettled(page: Page) {
	await expect
		.poll(async () => {
			const { outer, inner } = await heights(page);
			return outer === inner && outer > 200;
		})
		.toBe(true);
	const before = await received(page, true);
	const { outer } = await heights(page);
	// A growth loop moved ~100 px per frame: let both pages draw 20 more frames.
	const frames = (p: { evaluate: Page['evaluate'] }) =>
		p.evaluate(
			() =>
				new Promise<void>((done) => {
					let n = 0;
					const tick = () => (++n >= 20 ? done() : requestAnimationFrame(tick));
					requestAnimationFrame(tick);
				})
		);
	const frame = page.frames().find((f) => f !== page.mainFrame())!;
	await Promise.all([frames(page), frames(frame)]);
	expect((await heights(page)).outer).toBe(outer);
	expect((await received(page, true)).length).toBe(before.length);
	return outer;
}

test('the iframe takes the content height, settles, and follows the content both ways', async ({
	page,
	baseURL
}) => {
	// the console alone, so that the steps panel decides the height (beside it, the phone would)
	const { frame } = await openReadyHost(page, baseURL, {
		query: 'scenario=migrate-one-user&panel=console'
	});
	const start = await expectSettled(page);
	expect(start).toBeLessThan(3000);

	// the steps folded away: the frame shrinks to the content
	// (the button's new name first: polled before the panel folds, the old height looks settled)
	await frame.getByRole('button', { name: 'Hide steps' }).click();
	await expect(frame.getByRole('button', { name: 'Show steps' })).toBeVisible();
	const shorter = await expectSettled(page);
	expect(shorter).toBeLessThan(start - 50);

	// and unfolded: it grows again, to the same height
	await frame.getByRole('button', { name: 'Show steps' }).click();
	await expect(frame.getByRole('button', { name: 'Hide steps' })).toBeVisible();
	const taller = await expectSettled(page);
	expect(taller).toBe(start);
});

test('ready at start, after reset, after goToStep and after loadScenario, with the step count', async ({
	page,
	baseURL
}) => {
	const { frame } = await openReadyHost(page, baseURL);
	expect(await lastOf(page, 'ready')).toMatchObject({
		protocol: 'sta-token-sandbox',
		version: 1,
		scenario: 'migrate-one-user',
		step: 1,
		steps: 6
	});
	await send(page, { type: 'goToStep', step: 3 });
	await waitFor(page, 'ready', 2);
	expect(await lastOf(page, 'ready')).toMatchObject({ step: 3, steps: 6 });
	await send(page, { type: 'reset' });
	await waitFor(page, 'ready', 3);
	expect(await lastOf(page, 'ready')).toMatchObject({ scenario: 'migrate-one-user', step: 1 });
	await expect(checklist(frame)).toHaveText('0 of 6 steps');
	await send(page, { type: 'loadScenario', scenario: 'no-thanks-autosend' });
	await waitFor(page, 'ready', 4);
	const loaded = (await lastOf(page, 'ready'))!;
	expect(loaded).toMatchObject({ scenario: 'no-thanks-autosend', step: 1 });
	await expect(checklist(frame)).toHaveText(`0 of ${loaded.steps} steps`);
	expect((await received(page)).filter((m) => m.type === 'step-completed')).toEqual([]);
});

test('a free sandbox reports no scenario, step null and 0 steps; goToStep there is bad-step', async ({
	page,
	baseURL
}) => {
	await openReadyHost(page, baseURL, { query: 'panel=console' });
	expect(await lastOf(page, 'ready')).toMatchObject({ scenario: null, step: null, steps: 0 });
	await send(page, { type: 'goToStep', step: 2 });
	await waitFor(page, 'error');
	expect(await lastOf(page, 'error')).toMatchObject({ code: 'bad-step' });
	await send(page, { type: 'reset' });
	await waitFor(page, 'ready', 2);
});

test('a host that is not allowed is not heard, even at load', async ({ page, baseURL }) => {
	const { frame } = await openHost(page, baseURL, {
		allow: 'none',
		after: `frame.addEventListener('load', () => send({ type: 'goToStep', step: 3 }));`
	});
	await expect(checklist(frame)).toHaveText('0 of 6 steps');
	const embed = await watchEmbed(page, frame);
	await send(page, { type: 'goToStep', step: 4 });
	// the step count never moved (the theme is whatever the reader's system prefers)
	const shown = (await embed.settle(1)).map((s) => s.split(' / ')[0]);
	expect(new Set(shown.filter((c) => c !== 'undefined'))).toEqual(new Set(['0 of 6 steps']));
	expect(await received(page, true)).toEqual([]);
});

for (const scenario of ['unknown', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
	test(`?scenario=${scenario} answers unknown-scenario and lists the built-in scenarios`, async ({
		page,
		baseURL
	}) => {
		const errors: Error[] = [];
		page.on('pageerror', (e) => errors.push(e));
		const { frame } = await openHost(page, baseURL, { query: `scenario=${scenario}` });
		await waitFor(page, 'error');
		expect(await lastOf(page, 'error')).toMatchObject({
			protocol: 'sta-token-sandbox',
			version: 1,
			code: 'unknown-scenario'
		});
		await expect(
			frame.getByRole('heading', { name: 'This walkthrough does not exist' })
		).toBeVisible();
		await expect(frame.getByRole('link', { name: /Migrate one user/i })).toBeVisible();
		await expect(frame.getByRole('listitem')).toHaveCount(5);
		expect((await received(page)).filter((m) => m.type === 'ready')).toEqual([]);
		// a loadScenario with a real id then gets the walkthrough going
		await send(page, { type: 'loadScenario', scenario: 'migrate-one-user', step: 2 });
		await waitFor(page, 'ready');
		expect(await lastOf(page, 'ready')).toMatchObject({ scenario: 'migrate-one-user', step: 2 });
		await expect(checklist(frame)).toHaveText('1 of 6 steps');
		expect(errors).toEqual([]);
	});
}

test('loadScenario with constructor, __proto__, toString, hasOwnProperty or a 1 MB id: error, nothing breaks', async ({
	page,
	baseURL
}) => {
	const errors: Error[] = [];
	page.on('pageerror', (e) => errors.push(e));
	await page.setViewportSize({ width: 800, height: 900 });
	const { frame } = await openReadyHost(page, baseURL);
	const huge = 'x'.repeat(1024 * 1024);
	const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty', huge];
	await send(page, ...ids.map((scenario) => ({ type: 'loadScenario', scenario })));
	await waitFor(page, 'error', ids.length);
	const answers = (await received(page)).filter((m) => m.type === 'error') as Message[];
	expect(answers.map((m) => m.code)).toEqual(ids.map(() => 'unknown-scenario'));
	for (const m of answers) expect(String(m.message).length).toBeLessThan(300);
	expect(String(answers.at(-1)!.message)).toContain('1048576 characters');
	// the walkthrough is where it was
	await expect(checklist(frame)).toHaveText('0 of 6 steps');
	// the notice is bounded and wraps: it fits the frame, and its close button can be used
	const notice = frame.getByRole('alert').filter({ hasText: '1048576 characters' });
	await expect(notice).toBeVisible();
	const box = (await notice.boundingBox())!;
	expect(box.width).toBeLessThanOrEqual(800);
	// By keyboard: the notice is fixed to the frame's bottom edge, which may lie below the page's
	// viewport (the frame is as tall as its content), where a pointer cannot reach without scrolling.
	await notice.getByRole('button', { name: 'Dismiss message' }).press('Enter');
	await expect(notice).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('goToStep beyond the last step, and messages not of the exact form: errors, nothing moves', async ({
	page,
	baseURL
}) => {
	const { frame } = await openReadyHost(page, baseURL);
	await send(
		page,
		{ type: 'goToStep', step: 9 },
		{ type: 'goToStep', step: 3, extra: true },
		{ type: 'reset', scenario: 'migrate-group' },
		{ type: 'loadScenario', scenario: 'migrate-one-user', step: 7 }
	);
	await waitFor(page, 'error', 4);
	expect((await received(page)).filter((m) => m.type === 'error').map((m) => m.code)).toEqual([
		'bad-step',
		'bad-message',
		'bad-message',
		'bad-step'
	]);
	await expect(checklist(frame)).toHaveText('0 of 6 steps');
	expect((await received(page)).filter((m) => m.type === 'ready')).toHaveLength(1);
});

test('two embeds that share a world: each reader step reaches the host once', async ({
	page,
	baseURL
}) => {
	const { sandbox } = (await import('./embed-host')).origins(baseURL);
	const src = `${sandbox}/embed?scenario=migrate-one-user&panel=console`;
	await openHost(page, baseURL, {
		body: `<iframe title="Walkthrough A" src="${src}" style="width:100%;height:700px"></iframe>
<iframe title="Walkthrough B" src="${src}" style="width:100%;height:700px"></iframe>`
	});
	await waitFor(page, 'ready', 2);
	const a = page.frameLocator('iframe[title="Walkthrough A"]');
	const b = page.frameLocator('iframe[title="Walkthrough B"]');
	await a.getByRole('button', { name: 'Do it for me' }).click();
	await expect(checklist(a)).toHaveText('1 of 6 steps');
	await expect(checklist(b)).toHaveText('1 of 6 steps');
	await waitFor(page, 'step-completed');
	// A second report of step 1 would come before any of step 2: do step 2 in B, and wait until
	// both embeds show it and its report has arrived.
	await b.getByRole('button', { name: 'Do it for me' }).click();
	await expect(checklist(a)).toHaveText('2 of 6 steps');
	await expect(checklist(b)).toHaveText('2 of 6 steps');
	await waitFor(page, 'step-completed', 2);
	const steps = (await received(page)).filter((m) => m.type === 'step-completed');
	expect(steps.map((m) => m.step)).toEqual([1, 2]);
	expect(steps[0]).toMatchObject({ scenario: 'migrate-one-user', step: 1, stepId: 'policy' });
});
