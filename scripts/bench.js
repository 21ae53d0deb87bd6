// npm run bench: performance figures of the production build, each against its budget.
// Drives the built site in Chromium, so the numbers are what a user's browser does. Each
// module in scripts/bench/ measures one area and records its figures.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/browser.js';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
const base = `http://127.0.0.1:${PORT}`;
const results = [];

/** Prints one figure with its budget; `higherIsBetter` for scores. */
function record(name, value, unit, budget, higherIsBetter = false) {
	const ok = higherIsBetter ? value >= budget : value <= budget;
	results.push({ name, value, unit, budget, ok });
	const fmt = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(unit === '×' ? 2 : 1));
	console.log(
		`${ok ? 'PASS' : 'FAIL'}  ${name}: ${fmt(value)} ${unit} (budget ${higherIsBetter ? '≥' : '≤'} ${fmt(budget)} ${unit})`
	);
}

async function startPreview() {
	// A server left on the port (another build) would be measured instead of this one.
	if (await fetch(base).catch(() => null))
		throw new Error(`Port ${PORT} is in use: stop that server or set BENCH_PORT`);
	const server = spawn(
		'npx',
		['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
		{ stdio: 'ignore', detached: true }
	);
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(base)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('vite preview did not start');
}

if (!existsSync('build/index.html') || process.argv.includes('--build')) {
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const modules = readdirSync(new URL('./bench/', import.meta.url))
	.filter((f) => f.endsWith('.js') && !f.startsWith('_'))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();

const server = await startPreview();
const browser = await chromium.launch(chromiumLaunchOptions());
try {
	for (const file of modules) {
		const { run } = await import(`./bench/${file}`);
		await run({ browser, base, record });
	}
} finally {
	await browser.close();
	process.kill(-server.pid);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} within budget, ${failed} over budget`);
process.exit(failed ? 1 : 0);
