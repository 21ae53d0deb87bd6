import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/browser.js';

// A port of its own, so a preview left running by hand is never mistaken for this build.
const port = Number(process.env.E2E_PORT ?? 4174);

/**
 * The embed tests' host page (tests/embed-host.ts) is fulfilled by the test, so Chromium knows no
 * address for it and treats it as a public page, whose frames may not reach the sandbox on
 * 127.0.0.1 (Local Network Access). A real docs site on a public host framing a public sandbox
 * never meets this check. It is off for every test, not per spec: launch options of a spec's own
 * put its tests in workers of their own, a worker and a browser started again each time.
 * Every other page is on 127.0.0.1 and reaches only 127.0.0.1, where the check never applies.
 */
const launch = chromiumLaunchOptions() as { args?: string[] };
const launchOptions = {
	...launch,
	args: [...(launch.args ?? []), '--disable-features=LocalNetworkAccessChecks']
};

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	// The SCORM packages' build starts here, beside the first tests (tests/scorm-server.ts).
	globalSetup: './tests/global-setup.ts',
	fullyParallel: true,
	// At least two: on two cores the suite waits on its browsers much of the time, and two
	// workers took 355 s where Playwright's default (half the cores: one) took 443 s. A third
	// gained nothing there (346 s): the cores are busy by then.
	workers: Math.max(2, Math.floor(availableParallelism() / 2)),
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// A failed test keeps its trace, without the screencast: the DOM snapshot before each
		// action shows what went wrong, and the screencast alone cost over a third of the
		// suite's time (JPEG frames encoded and shipped all along every passing test). CI, which
		// retries, records the retry only: the snapshots of every passing test cost 5 % more.
		trace: {
			mode: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
			screenshots: false
		},
		launchOptions
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
