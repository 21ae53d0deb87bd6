import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumLaunchOptions } from '../../tests/browser.js';
import { chromium } from '@playwright/test';
import { EMBED_START } from '../../tests/first-load.js';

/**
 * Lighthouse 12 scores of the gzipped production build, one page at a time. Mobile is
 * Lighthouse's default config (simulated slow 4G, 4× slower CPU): an embedded walkthrough is
 * often read on a phone. Desktop is its desktop preset. Each page is measured five times and each
 * figure is the median, as Lighthouse's own guide to score variability advises (docs/variability.md
 * in its repository: the median of five runs about halves the spread); on a two-core machine one
 * run of the same build moves by ten points and more. `--runs=N` (or LH_RUNS) changes the count.
 * Served over HTTP/2, as a static host serves it (scripts/bench.js): over HTTP/1.1 the
 * simulation fetches the page's modules six at a time, a round trip each, and the largest paint
 * of the embed came 0.9 s later (2.66 s against 1.77 s, medians of four side by side).
 */
const PAGES = [
	{ label: 'sandbox (Snapshot)', path: '/', desktop: true },
	{ label: 'Token List', path: '/tokens', desktop: true },
	{ label: 'embed', path: EMBED_START, desktop: false }
];

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = Math.max(1, Number(runsArg?.slice(7) ?? process.env.LH_RUNS ?? 5));

const median = (values) => {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function run({ base, record }) {
	const options = chromiumLaunchOptions({ shell: false });
	const chrome = await chromeLauncher.launch({
		chromePath: options.executablePath ?? chromium.executablePath(),
		// The bench serves its own certificate for 127.0.0.1 (scripts/bench.js).
		chromeFlags: [
			...(options.args ?? ['--headless=new', '--no-sandbox', '--disable-gpu']),
			'--ignore-certificate-errors'
		]
	});
	/** One Lighthouse run: scores in points, times in ms. */
	async function measure(url, config) {
		const { lhr } = await lighthouse(
			url,
			{
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices']
			},
			config
		);
		const score = (k) => Math.round((lhr.categories[k].score ?? 0) * 100);
		const audit = (k) => lhr.audits[k].numericValue ?? NaN;
		return {
			performance: score('performance'),
			accessibility: score('accessibility'),
			'best practices': score('best-practices'),
			FCP: audit('first-contentful-paint'),
			LCP: audit('largest-contentful-paint'),
			TBT: audit('total-blocking-time'),
			CLS: audit('cumulative-layout-shift')
		};
	}
	try {
		for (const [formFactor, config] of [
			['mobile', undefined],
			['desktop', desktopConfig]
		]) {
			for (const page of PAGES) {
				if (formFactor === 'desktop' && !page.desktop) continue;
				const runs = [];
				for (let i = 0; i < RUNS; i++) runs.push(await measure(base + page.path, config));
				const m = (k) => median(runs.map((r) => r[k]));
				const name = `Lighthouse ${formFactor} ${page.label}`;
				record(`${name}: performance`, m('performance'), 'points', 95, true);
				record(`${name}: accessibility`, m('accessibility'), 'points', 100, true);
				record(`${name}: best practices`, m('best practices'), 'points', 100, true);
				record(`${name}: CLS`, m('CLS'), '', 0.05);
				console.log(
					`      FCP ${(m('FCP') / 1000).toFixed(2)} s, LCP ${(m('LCP') / 1000).toFixed(2)} s, ` +
						`TBT ${Math.round(m('TBT'))} ms` +
						(RUNS > 1
							? ` (median of ${RUNS}; performance ${runs.map((r) => r.performance).join(', ')})`
							: '')
				);
			}
		}
	} finally {
		await chrome.kill();
	}
}
