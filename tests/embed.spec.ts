import type { Page } from '@playwright/test';
import { watchEmbed } from './embed-host';
import { expect, expectNoAxeViolations, openSandbox, test } from './fixtures';

/**
 * The docs page (static/embed-example.html) is served from a second origin, localhost, while
 * the sandbox in its iframe is on 127.0.0.1: two origins, as on a real documentation site.
 */
function origins(baseURL: string | undefined) {
	const sandbox = new URL(baseURL!).origin;
	const docs = sandbox.replace('127.0.0.1', 'localhost');
	return { sandbox, docs };
}

async function openDocsPage(page: Page, baseURL: string | undefined, allow: string[]) {
	const { sandbox, docs } = origins(baseURL);
	await page.route('**/embed-config.json', (route) =>
		route.fulfill({ json: { allowedOrigins: allow } })
	);
	await page.goto(`${docs}/embed-example.html?sandbox=${encodeURIComponent(sandbox)}`);
	const frame = page.frameLocator('#sandbox');
	await expect(frame.getByRole('region', { name: /Scenario/ })).toBeVisible({ timeout: 15_000 });
	return { frame, docs, sandbox };
}

const log = (page: Page) => page.locator('#log li');
const received = async (page: Page) =>
	(await log(page).allTextContents()).map((t) => JSON.parse(t) as Record<string, unknown>);

test('an allowed docs page gets ready, drives the steps and hears of completed ones', async ({
	page,
	baseURL
}) => {
	test.slow();
	const { frame, docs } = await openDocsPage(page, baseURL, [origins(baseURL).docs]);
	expect(docs).not.toBe(origins(baseURL).sandbox);
	await expect(page.locator('iframe#sandbox')).toHaveAttribute('title', /STA Token Sandbox/);
	await expect(log(page).filter({ hasText: '"type":"ready"' })).toHaveCount(1);
	const ready = (await received(page)).find((m) => m.type === 'ready')!;
	expect(ready).toMatchObject({
		protocol: 'sta-token-sandbox',
		version: 1,
		scenario: 'migrate-one-user',
		step: 1,
		steps: 6
	});
	const count = frame.getByTestId('checklist-count');
	await expect(count).toHaveText('0 of 6 steps');

	// goToStep: the earlier steps are done for the reader
	await page.getByLabel('Step').fill('3');
	await page.getByRole('button', { name: 'Go to step' }).click();
	await expect(count).toHaveText('2 of 6 steps');
	await expect(frame.locator('li[aria-current="step"]')).toContainText('To do:');

	// reset: back to the start, the world rebuilt
	await page.getByRole('button', { name: 'Reset' }).click();
	await expect(count).toHaveText('0 of 6 steps');

	// the reader completes step 1 in the embed: the page hears of it
	await frame.getByRole('button', { name: 'Do it for me' }).click();
	await expect(count).toHaveText('1 of 6 steps');
	await expect(log(page).filter({ hasText: '"type":"step-completed"' })).toHaveCount(1);
	const completed = (await received(page)).find((m) => m.type === 'step-completed')!;
	expect(completed).toMatchObject({ scenario: 'migrate-one-user', step: 1, stepId: 'policy' });
	// steps done by goToStep were not reported as the reader's
	expect((await received(page)).filter((m) => m.type === 'step-completed')).toHaveLength(1);

	// setTheme
	await page.getByRole('button', { name: 'Dark theme' }).click();
	await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a page whose origin is not allowed hears nothing and changes nothing', async ({
	page,
	baseURL
}) => {
	const { frame } = await openDocsPage(page, baseURL, []);
	const count = frame.getByTestId('checklist-count');
	await expect(count).toHaveText('0 of 6 steps');
	await expect(frame.locator('html')).not.toHaveAttribute('data-theme', 'dark');
	const embed = await watchEmbed(page, frame);
	await page.getByLabel('Step').fill('3');
	await page.getByRole('button', { name: 'Go to step' }).click();
	await page.getByRole('button', { name: 'Dark theme' }).click();
	// neither the step count nor the theme ever changed
	const shown = (await embed.settle(2)).map((s) => s.split(' / '));
	expect(new Set(shown.map(([c]) => c).filter((c) => c !== 'undefined'))).toEqual(
		new Set(['0 of 6 steps'])
	);
	expect(shown.map(([, theme]) => theme)).not.toContain('dark');
	await expect(log(page)).toHaveCount(0);
});

test('an embed has a world of its own: the full sandbox is untouched', async ({ page }) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.getByRole('button', { name: 'Advance 1 day' }).click();
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/03 09:00/);

	// Opened on its own, not in a frame, it has no host to talk to: it reads no allow-list (the
	// docs page tests above hear nothing unless a framed embed reads it).
	const configReads: string[] = [];
	page.on('request', (r) => {
		if (r.url().endsWith('/embed-config.json')) configReads.push(r.url());
	});
	await page.goto('/embed?scenario=migrate-one-user&panel=console');
	await expect(page.getByRole('region', { name: /Scenario/ })).toBeVisible();
	await page.getByRole('button', { name: 'Do it for me' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('1 of 6 steps');
	expect(configReads).toEqual([]);

	await openSandbox(page, '/');
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/03 09:00/);
	await expect(page.getByTestId('count-Assigned')).toHaveText('0');
	await expect(page.getByRole('region', { name: /Scenario/ })).toHaveCount(0);
});

for (const [width, panel, theme] of [
	[360, 'phone', 'light'],
	[360, 'console', 'dark'],
	[1400, 'both', 'dark']
] as const) {
	test(`the embed at ${width} px (panel=${panel}, theme=${theme}) fits and is axe-clean`, async ({
		page
	}) => {
		test.slow(); // axe over the whole console and phone takes a while on a shared machine
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/embed?scenario=no-thanks-autosend&panel=${panel}&theme=${theme}`);
		await expect(page.getByRole('region', { name: /Scenario/ })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
		const phone = page.getByRole('complementary', { name: 'Virtual phone' });
		await expect(phone).toHaveCount(panel === 'console' ? 0 : 1);
		await expect(page.getByRole('navigation', { name: 'Console' })).toHaveCount(
			panel === 'phone' ? 0 : 1
		);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await expectNoAxeViolations(page);
	});
}

test('after the walkthrough opens, the keyboard starts at the top: the bar, then the console', async ({
	page
}) => {
	// The embed's start hands over to the sandbox keeping focus and scroll (routes/embed): the
	// first Tab must still land on the first control, not after wherever the start page was.
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/embed?scenario=migrate-one-user');
	await expect(page.getByRole('region', { name: /Scenario/ })).toBeVisible();
	await expect(page).toHaveURL(/\/$/);
	expect(await page.evaluate(() => [window.scrollY, document.activeElement?.tagName])).toEqual([
		0,
		'BODY'
	]);
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Reset walkthrough' })).toBeFocused();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
});
