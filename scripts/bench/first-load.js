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
	record(
		'First load of the sandbox: JavaScript fetched (gzip)',
		sizes.reduce((a, b) => a + b, 0) / 1024,
		'KB',
		90
	);
}
