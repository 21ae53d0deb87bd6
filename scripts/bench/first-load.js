import { gzipSync } from 'node:zlib';

/**
 * Gzipped bytes of the JavaScript that the first load fetches: of the sandbox, and of an
 * embedded walkthrough (its own budget: it also loads the scenario and the embed's bridge).
 */
export async function run({ browser, base, record }) {
	await measure(browser, base, record, '/', 'First load of the sandbox', 70);
	await measure(
		browser,
		base,
		record,
		'/embed?scenario=migrate-one-user',
		'First load of an embedded walkthrough',
		95
	);
}

async function measure(browser, base, record, path, label, budget) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const scripts = new Map();
	page.on('response', (response) => {
		const url = response.url();
		if (url.endsWith('.js'))
			scripts.set(
				url,
				response.body().then((b) => gzipSync(b, { level: 9 }).length)
			);
	});
	await page.goto(base + path);
	await page.getByRole('navigation', { name: 'Console' }).waitFor();
	await page.waitForLoadState('networkidle');
	const sizes = await Promise.all(scripts.values());
	await context.close();
	const total = sizes.reduce((a, b) => a + b, 0) / 1024;
	record(`${label}: JavaScript fetched (gzip)`, total, 'KB', budget);
	if (total > budget) {
		// Over budget: name the biggest files, to say where to look.
		const urls = [...scripts.keys()];
		sizes
			.map((size, i) => [size, urls[i].split('/').slice(-2).join('/')])
			.sort((a, b) => b[0] - a[0])
			.slice(0, 8)
			.forEach(([size, url]) => console.log(`      ${(size / 1024).toFixed(1)} KB  ${url}`));
	}
}
