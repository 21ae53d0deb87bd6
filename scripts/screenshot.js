// Takes screenshots of the given paths of a running preview: node scripts/screenshot.js /tokens /
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/browser.js';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const width = Number(process.env.WIDTH ?? 1440);
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width, height: 900 } });
for (const path of process.argv.slice(2)) {
	await page.goto(base + path);
	await page.waitForTimeout(800);
	const file = `screenshots/${path.replace(/\W+/g, '_') || 'root'}-${width}.png`;
	await page.screenshot({ path: file, fullPage: true });
	console.log(file);
}
await browser.close();
