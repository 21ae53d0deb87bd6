import { existsSync } from 'node:fs';

/**
 * Which Chromium the tests drive. CHROMIUM_PATH wins; else Debian's /usr/bin/chromium when it
 * is there (`apt-get install chromium`); else Playwright's own build
 * (`npx playwright install chromium`).
 */
export function chromiumLaunchOptions() {
	const path =
		process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
	if (!path) return {};
	return {
		executablePath: path,
		args: [
			'--no-sandbox',
			'--headless=new',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--no-first-run'
		]
	};
}
