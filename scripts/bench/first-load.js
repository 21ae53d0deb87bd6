import { EMBED_START, FIRST_LOAD_BUDGET_KB, scriptSizes, totalKb } from '../../tests/first-load.js';

/**
 * Gzipped bytes of the JavaScript that the first load fetches: of the sandbox, and of an
 * embedded walkthrough (its own budget: it also loads the scenario and the embed's bridge).
 */
export async function run({ browser, base, record }) {
	const { sandbox, embed } = FIRST_LOAD_BUDGET_KB;
	await measure(browser, base, record, '/', 'First load of the sandbox', sandbox);
	await measure(browser, base, record, EMBED_START, 'First load of an embedded walkthrough', embed);
}

async function measure(browser, base, record, path, label, budget) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts = await scriptSizes(page, async () => {
		await page.goto(base + path);
		await page.getByRole('navigation', { name: 'Console' }).waitFor();
	});
	await context.close();
	const total = totalKb(scripts);
	record(`${label}: JavaScript fetched (gzip)`, total, 'KB', budget);
	if (total > budget) {
		// Over budget: name the biggest files, to say where to look.
		[...scripts]
			.sort((a, b) => b[1] - a[1])
			.slice(0, 8)
			.forEach(([url, size]) =>
				console.log(`      ${(size / 1024).toFixed(1)} KB  ${url.split('/').slice(-2).join('/')}`)
			);
	}
}
