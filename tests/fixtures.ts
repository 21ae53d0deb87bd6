import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import axeCore from 'axe-core';
import { waitForSandbox } from './hook';

/** Opens a sandbox page and waits until the world is loaded. */
export async function openSandbox(page: Page, path = '/') {
	await page.goto(path);
	await waitForSandbox(page);
}

/**
 * Waits until the page has settled: nothing marked aria-busy, and the DOM unchanged over five
 * animation frames in a row (live queries answered, charts drawn). A state, not a sleep.
 */
export async function settled(page: Page) {
	await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
	await page.evaluate(
		() =>
			new Promise<void>((done) => {
				let quiet = 0;
				const observer = new MutationObserver(() => (quiet = 0));
				observer.observe(document, {
					subtree: true,
					childList: true,
					characterData: true,
					attributes: true
				});
				const tick = () => {
					if (++quiet >= 5) {
						observer.disconnect();
						done();
					} else requestAnimationFrame(tick);
				};
				requestAnimationFrame(tick);
			})
	);
}

/** What AxeBuilder evaluates as "axe's source" where axe-core is in the document already. */
const AXE_LOADED = 'void 0';

/**
 * Fails with the list of axe violations (WCAG 2.1 A and AA rules, and best practices).
 * `within` scans one part only (a CSS selector): for a screen that changed inside a page whose
 * whole was scanned already, at a fraction of the time.
 */
export async function expectNoAxeViolations(page: Page, within?: string) {
	await settled(page);
	// A page without frames is scanned by axe.run in the page itself: the same rules on the same
	// document, without the cross-frame mode's blank page (opened, fed axe and closed per scan:
	// about half of a scan's time). Pages with a frame (the embeds) keep that mode, which also
	// reaches cross-origin frames.
	const frameless = page.frames().length === 1;
	// There, axe-core's 550 KB source goes into the document once: AxeBuilder evaluates it twice
	// per scan (a second each on two busy cores), also where an earlier scan left it loaded.
	if (frameless && !(await page.evaluate(() => 'axe' in window)))
		await page.evaluate(axeCore.source);
	let axe = new AxeBuilder({ page, axeSource: frameless ? AXE_LOADED : undefined }).withTags([
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
		'best-practice'
	]);
	if (within) axe = axe.include(within);
	if (frameless) axe = axe.setLegacyMode();
	const results = await axe.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

/** src/lib/training/welcome.svelte.ts: set, the first-visit welcome stays closed. */
export const WELCOME_SEEN_KEY = 'sta-sandbox.welcome-seen';

/**
 * Every window of every test has seen the first-visit welcome already, so that it covers no
 * page; tests/welcome.spec.ts, which tests it, starts from @playwright/test's own fixtures.
 */
export const test = base.extend({
	context: async ({ context }, use) => {
		await context.addInitScript((key) => {
			try {
				localStorage.setItem(key, '1');
			} catch {
				/* about:blank and other pages without storage */
			}
		}, WELCOME_SEEN_KEY);
		await use(context);
	}
});
export { expect };
