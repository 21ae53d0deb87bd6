import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/browser.js';

// A port of its own, so a preview left running by hand is never mistaken for this build.
const port = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	// The SCORM packages' build starts here, beside the first tests (tests/scorm-server.ts).
	globalSetup: './tests/global-setup.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// A failed test keeps its trace, without the screencast: the DOM snapshot before each
		// action shows what went wrong, and the screencast alone cost over a third of the
		// suite's time (JPEG frames encoded and shipped all along every passing test).
		trace: { mode: 'retain-on-failure', screenshots: false },
		launchOptions: chromiumLaunchOptions()
	},
	projects: [
		{
			name: 'chromium',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } }
		}
	],
	webServer: {
		// The production build, served as a static host would serve it.
		command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
