import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import {
	checklist,
	hostSpec,
	lastOf,
	openHostInMemory,
	openReadyHost,
	received,
	send,
	waitFor
} from './embed-host';

/** The embed's frame, for what a FrameLocator cannot measure. */
const inFrame = (page: Page) => page.frames().find((f) => f !== page.mainFrame())!;

hostSpec();

for (const width of [320, 360, 800]) {
	test(`a ${width} px frame: no sideways scroll, a Console / Phone switch, the phone in reach`, async ({
		page,
		baseURL
	}) => {
		// the snippet's iframe is the page's full width (plus its 1 px borders)
		const { frame } = await openReadyHost(page, baseURL, { width });
		const iframe = page.locator('iframe');
		expect(await iframe.evaluate((f: HTMLIFrameElement) => f.clientWidth)).toBe(width);
		const sideways = () =>
			inFrame(page).evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
		expect(await sideways()).toBeLessThanOrEqual(0);

		const show = frame.getByRole('group', { name: 'Show' });
		const phone = frame.getByRole('complementary', { name: 'Virtual phone' });
		const consoleNav = frame.getByRole('navigation', { name: 'Console' });
		await expect(show.getByRole('button', { name: 'Console' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expect(consoleNav).toBeVisible();
		await expect(phone).toBeHidden();
		// below the side-by-side width, not even built until shown (a shorter first screen)
		if (width <= 960)
			await expect(frame.getByLabel('Virtual phone', { exact: true })).toHaveCount(0);

		// the reader switches to the phone: it is within the first 900 px of the frame
		await show.getByRole('button', { name: 'Phone' }).click();
		await expect(phone).toBeVisible();
		await expect(consoleNav).toBeHidden();
		// the walkthrough's steps stay in view above the phone
		await expect(checklist(frame)).toBeVisible();
		const top = (await phone.boundingBox())!.y - (await iframe.boundingBox())!.y;
		expect(top).toBeLessThan(900);
		expect(await sideways()).toBeLessThanOrEqual(0);

		// a step done on the phone switches to it by itself; a console step back
		await show.getByRole('button', { name: 'Console' }).click();
		await expect(phone).toBeHidden();
		await send(page, { type: 'goToStep', step: 3 });
		await expect(show.getByRole('button', { name: 'Phone' })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expect(phone).toBeVisible();
		await send(page, { type: 'goToStep', step: 5 });
		await expect(consoleNav).toBeVisible();
		await expect(phone).toBeHidden();
		expect(await sideways()).toBeLessThanOrEqual(0);
	});
}

test('at 360 px the console tab row scrolls, and shows that it does', async ({ page, baseURL }) => {
	const { frame } = await openReadyHost(page, baseURL, { width: 360 });
	const tabs = frame.getByRole('navigation', { name: 'Console' }).getByRole('list');
	const row = await tabs.evaluate((ul) => ({
		overflow: ul.scrollWidth - ul.clientWidth,
		scrolls: getComputedStyle(ul).overflowX,
		edge: getComputedStyle(ul).backgroundImage
	}));
	expect(row.overflow).toBeGreaterThan(0);
	expect(row.scrolls).toBe('auto');
	// a shadow at the edge that has more tabs (it moves with the scroll)
	expect(row.edge).toContain('radial-gradient');
	// the last tab is cut off; scrolled to, it can be used
	const last = tabs.getByRole('link').last();
	await last.scrollIntoViewIfNeeded();
	await last.click();
	await expect(last).toHaveAttribute('aria-current', /true|page/);
});

test('storage denied to the frame: the embed runs in memory, says so in its bar, and the host hears it', async ({
	page,
	baseURL
}) => {
	const { frame } = await openHostInMemory(page, baseURL);
	await waitFor(page, 'error');
	expect(await lastOf(page, 'error')).toMatchObject({
		protocol: 'sta-token-sandbox',
		version: 1,
		code: 'storage-unavailable'
	});
	await waitFor(page, 'ready');
	const bar = frame.getByRole('region', { name: 'Walkthrough' });
	await expect(bar.getByText('In memory: not saved')).toBeVisible();
	// compact: inside the bar, no banner of its own
	await expect(frame.getByText('Running in memory.')).toHaveCount(0);
	expect((await bar.boundingBox())!.height).toBeLessThan(50);
	// and it works: a step done, reported; a reset, answered
	await frame.getByRole('button', { name: 'Do it for me' }).click();
	await expect(checklist(frame)).toHaveText('1 of 6 steps');
	await waitFor(page, 'step-completed');
	await send(page, { type: 'reset' });
	await waitFor(page, 'ready', 2);
	await expect(checklist(frame)).toHaveText('0 of 6 steps');
	expect((await received(page)).filter((m) => m.type === 'error')).toHaveLength(1);
});

for (const theme of ['light', 'dark'] as const) {
	test(`axe finds nothing in a narrow ${theme} embed, console and phone halves`, async ({
		page
	}) => {
		await page.setViewportSize({ width: 800, height: 900 });
		await page.goto(`/embed?scenario=migrate-one-user&panel=both&theme=${theme}`);
		await expect(page.getByRole('region', { name: /Scenario/ })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		await expectNoAxeViolations(page);
		await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Phone' }).click();
		await expect(page.getByRole('complementary', { name: 'Virtual phone' })).toBeVisible();
		await expectNoAxeViolations(page);
	});
}

test('axe finds nothing in an embed running in memory, light and dark', async ({
	page,
	baseURL
}) => {
	const { frame } = await openHostInMemory(page, baseURL);
	await expect(frame.getByText('In memory: not saved')).toBeVisible();
	await waitFor(page, 'ready');
	await expectNoAxeViolations(page);
	await send(page, { type: 'setTheme', theme: 'dark' });
	await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expectNoAxeViolations(page);
});
