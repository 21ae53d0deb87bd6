// npm run bench: performance figures of the production build, each against its budget.
// Drives the built site in Chromium, so the numbers are what a user's browser does.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../tests/browser.js';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}`;
const results = [];

function record(name, value, unit, budget, lowerIsBetter = true) {
	const ok = lowerIsBetter ? value <= budget : value >= budget;
	results.push({ name, value, unit, budget, ok });
	const fmt = (n) => (Number.isInteger(n) ? n : n.toFixed(unit === '×' ? 2 : 1));
	console.log(
		`${ok ? 'PASS' : 'FAIL'}  ${name}: ${fmt(value)} ${unit} (budget ${lowerIsBetter ? '≤' : '≥'} ${fmt(budget)} ${unit})`
	);
}

async function startPreview() {
	const server = spawn(
		'npx',
		['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
		{
			stdio: 'ignore',
			detached: true
		}
	);
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(BASE)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('vite preview did not start');
}

/** Gzipped bytes of the JavaScript the first load of `path` fetches. */
async function firstLoadJs(browser, path) {
	const page = await browser.newPage();
	const scripts = new Map();
	page.on('response', async (response) => {
		const url = response.url();
		if (!url.endsWith('.js')) return;
		scripts.set(
			url,
			response.body().then((b) => gzipSync(b, { level: 9 }).length)
		);
	});
	await page.goto(BASE + path);
	await page.getByRole('navigation', { name: 'Console' }).waitFor();
	await page.waitForLoadState('networkidle');
	const sizes = await Promise.all(scripts.values());
	await page.close();
	return sizes.reduce((a, b) => a + b, 0) / 1024;
}

if (!existsSync('build/index.html') || process.argv.includes('--build')) {
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const server = await startPreview();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
	record(
		'First load of the sandbox: JavaScript fetched (gzip)',
		await firstLoadJs(browser, '/'),
		'KB',
		90
	);
} finally {
	await browser.close();
	process.kill(-server.pid);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} within budget, ${failed} over budget`);
process.exit(failed ? 1 : 0);
