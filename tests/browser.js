import { existsSync } from 'node:fs';

/**
 * Which Chromium the tests drive. CHROMIUM_PATH wins; else Debian's headless shell
 * (`apt-get install chromium-headless-shell`), the same engine without the browser's UI, which
 * Playwright itself prefers for headless runs and which halves the suite's time on two cores;
 * else Debian's full /usr/bin/chromium; else Playwright's own build
 * (`npx playwright install chromium`). Lighthouse asks for the full browser (`shell: false`): it
 * scores pages as a reader's browser renders them.
 */
const debian = [
	{ path: '/usr/lib/chromium/chromium-headless-shell', headless: [] },
	{ path: '/usr/bin/chromium', headless: ['--headless=new'] }
];

export function chromiumLaunchOptions({ shell = true } = {}) {
	const found = process.env.CHROMIUM_PATH
		? { path: process.env.CHROMIUM_PATH, headless: ['--headless=new'] }
		: debian.find(({ path, headless }) => (shell || headless.length) && existsSync(path));
	if (!found) return {};
	return {
		executablePath: found.path,
		args: [
			'--no-sandbox',
			...found.headless,
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run'
		]
	};
}
