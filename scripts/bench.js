// npm run bench: performance figures of the production build, each against its budget.
// Drives the built site in Chromium, so the numbers are what a user's browser does. Each
// module in scripts/bench/ measures one area and records its figures.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/browser.js';
import { localCertificate, startStaticServer } from './bench/_static.js';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
// BENCH_BUILD measures another build (e.g. main's, copied aside) with the same bench.
const BUILD = process.env.BENCH_BUILD ?? 'build';
const results = [];

/** Prints one figure with its budget; `higherIsBetter` for scores. */
function record(name, value, unit, budget, higherIsBetter = false) {
	const ok = higherIsBetter ? value >= budget : value <= budget;
	results.push({ name, value, unit, budget, ok });
	const fmt = (n) =>
		Number.isInteger(n) ? String(n) : n.toFixed(unit === '×' ? 2 : Math.abs(n) < 1 ? 3 : 1);
	console.log(
		`${ok ? 'PASS' : 'FAIL'}  ${name}: ${fmt(value)} ${unit} (budget ${higherIsBetter ? '≥' : '≤'} ${fmt(budget)} ${unit})`
	);
}

if (
	!process.env.BENCH_BUILD &&
	(!existsSync('build/index.html') || process.argv.includes('--build'))
) {
	const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const modules = readdirSync(new URL('./bench/', import.meta.url))
	.filter((f) => f.endsWith('.js') && !f.startsWith('_'))
	.filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
	.sort();

// Served gzipped over HTTP/2 with TLS, as a static host serves it. BENCH_HTTP1=1 serves HTTP/1.1
// instead, as the bench once did, to compare with figures measured that way.
const tls = process.env.BENCH_HTTP1 ? null : localCertificate();
if (!tls && !process.env.BENCH_HTTP1) console.log('No certificate (openssl?): serving HTTP/1.1');
const base = `${tls ? 'https' : 'http'}://127.0.0.1:${PORT}`;
const server = await startStaticServer(BUILD, PORT, { tls });
const launch = chromiumLaunchOptions();
// The certificate is the bench's own, for 127.0.0.1 only.
const browser = await chromium.launch({
	...launch,
	args: [...(launch.args ?? []), '--ignore-certificate-errors']
});
try {
	for (const file of modules) {
		const { run } = await import(`./bench/${file}`);
		await run({ browser, base, record });
	}
} finally {
	await browser.close();
	server.close();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} within budget, ${failed} over budget`);
process.exit(failed ? 1 : 0);
