import { gzipSync } from 'node:zlib';

/**
 * The first-load budgets of issue 15, in KB of gzipped JavaScript: guarded by
 * tests/first-load-budget.spec.ts, reported by `npm run bench` (scripts/bench/first-load.js).
 * The embed also loads the bridge, the bar, the checklist and the scenario; not the OTP library,
 * which a walkthrough needs only when a step types a code (92 KB without it, 102 KB with it).
 */
export const FIRST_LOAD_BUDGET_KB = { sandbox: 70, embed: 95 };

/** The embedded walkthrough the bench and the tests measure: its first load, its Lighthouse scores. */
export const EMBED_START = '/embed?scenario=migrate-one-user';

/**
 * The total of `sizes` (bytes by URL, as scriptSizes gives them), in KB.
 * @param {Map<string, number>} sizes
 */
export const totalKb = (sizes) => [...sizes.values()].reduce((a, b) => a + b, 0) / 1024;

/**
 * The gzipped size of each script the page fetches while `open` runs, and until the network is
 * idle: bytes by URL.
 * @param {import('@playwright/test').Page} page
 * @param {() => Promise<unknown>} open
 * @returns {Promise<Map<string, number>>}
 */
export async function scriptSizes(page, open) {
	/** @type {Map<string, Promise<number>>} */
	const sizes = new Map();
	page.on('response', (response) => {
		const url = response.url();
		if (url.endsWith('.js'))
			sizes.set(
				url,
				response.body().then((b) => gzipSync(b, { level: 9 }).length)
			);
	});
	await open();
	await page.waitForLoadState('networkidle');
	const entries = await Promise.all(
		[...sizes].map(async ([url, size]) => /** @type {[string, number]} */ ([url, await size]))
	);
	return new Map(entries);
}
