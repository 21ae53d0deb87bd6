import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumLaunchOptions } from '../../tests/browser.js';
import { chromium } from '@playwright/test';

/**
 * Lighthouse scores (desktop preset: the sandbox is a two-pane desktop app) for the sandbox and
 * the Token List, in the same Chromium the tests use.
 */
export async function run({ base, record }) {
	const options = chromiumLaunchOptions({ shell: false });
	const chrome = await chromeLauncher.launch({
		chromePath: options.executablePath ?? chromium.executablePath(),
		chromeFlags: options.args ?? ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	try {
		for (const [label, path] of [
			['sandbox (Snapshot)', '/'],
			['Token List', '/tokens']
		]) {
			const result = await lighthouse(
				base + path,
				{
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices']
				},
				desktopConfig
			);
			const c = result.lhr.categories;
			const score = (k) => Math.round((c[k].score ?? 0) * 100);
			record(`Lighthouse ${label}: performance`, score('performance'), 'points', 95, true);
			record(`Lighthouse ${label}: accessibility`, score('accessibility'), 'points', 100, true);
			record(`Lighthouse ${label}: best practices`, score('best-practices'), 'points', 100, true);
		}
	} finally {
		await chrome.kill();
	}
}
