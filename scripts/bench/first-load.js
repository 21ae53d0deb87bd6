import { gzipSync } from 'node:zlib';

/** Gzipped bytes of the JavaScript that the first load of the sandbox fetches. */
export async function run({ browser, base, record }) {
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
	await page.goto(base + '/');
	await page.getByRole('navigation', { name: 'Console' }).waitFor();
	await page.waitForLoadState('networkidle');
	const sizes = await Promise.all(scripts.values());
	await context.close();
	const total = sizes.reduce((a, b) => a + b, 0) / 1024;
	record('First load of the sandbox: JavaScript fetched (gzip)', total, 'KB', 90);
	if (total > 90) {
		// Over budget: name the biggest files, to say where to look.
		const urls = [...scripts.keys()];
		sizes
			.map((size, i) => [size, urls[i].split('/').slice(-2).join('/')])
			.sort((a, b) => b[0] - a[0])
			.slice(0, 8)
			.forEach(([size, url]) => console.log(`      ${(size / 1024).toFixed(1)} KB  ${url}`));
	}
}
