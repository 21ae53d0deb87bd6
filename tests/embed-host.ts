import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Sets up a spec of embeds in a host page (call it at the spec's top level): a generous timeout,
 * as each test builds a scenario world, often several, on a loaded machine. (The host page is on
 * another address than the sandbox: playwright.config.ts turns Chromium's Local Network Access
 * checks off for every test.)
 */
export function hostSpec() {
	test.beforeEach(() => test.setTimeout(120_000));
}

/**
 * A documentation page on a second origin that embeds the sandbox with the snippet of
 * docs/embedding.md, read from the docs themselves so that the two cannot drift. The sandbox is
 * served on 127.0.0.1; the docs page is "served" (routed) on localhost: two origins, as on a real
 * documentation site. The only edits are the ones a docs author makes: the sandbox's address
 * and, where a test needs it, the query of `src`.
 */
const DOCS = readFileSync(new URL('../docs/embedding.md', import.meta.url), 'utf8');
export const SNIPPET = (() => {
	const section = DOCS.slice(DOCS.indexOf('## The snippet'));
	const match = /```html\n([\s\S]*?)```/.exec(section);
	if (!match) throw new Error('docs/embedding.md has no html snippet under "## The snippet"');
	return match[1];
})();
const DOCS_SRC = 'https://sandbox.example.com/embed?scenario=migrate-one-user&panel=both';

export type Message = Record<string, unknown> & { type: string };

export function origins(baseURL: string | undefined) {
	const sandbox = new URL(baseURL!).origin;
	return { sandbox, docs: sandbox.replace('127.0.0.1', 'localhost') };
}

export interface HostOptions {
	/** The embed's query, in place of the docs' `scenario=migrate-one-user&panel=both`. */
	query?: string;
	/** Script run right after the snippet (it may use the snippet's `frame` and `send`). */
	after?: string;
	/** Whole host page body instead of the snippet (two embeds). */
	body?: string;
	allow?: 'docs' | 'none';
	/** Host page width: the iframe's content box is as wide (the snippet says width: 100%). */
	width?: number;
}

export async function openHost(page: Page, baseURL: string | undefined, options: HostOptions = {}) {
	const { sandbox, docs } = origins(baseURL);
	expect(SNIPPET).toContain(DOCS_SRC);
	const snippet = SNIPPET.replace(
		DOCS_SRC,
		`${sandbox}/embed?${options.query ?? 'scenario=migrate-one-user&panel=both'}`
	);
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>
<style>body { margin: 0 } main { padding: 0 }</style></head><body><main aria-label="Documentation"><h1>Docs page</h1>
<script>
	// The test's ear: every message the sandbox sends, in order, with the frame it came from.
	window.received = [];
	window.addEventListener('message', (e) => {
		if (e.data && e.data.protocol === 'sta-token-sandbox')
			received.push({ ...e.data, frame: [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === e.source) });
	});
</script>
${options.body ?? snippet}
${options.after ? `<script>${options.after}</script>` : ''}
<p>After the walkthrough.</p></main></body></html>`;
	await page.route('**/embed-config.json', (route) =>
		route.fulfill({ json: { allowedOrigins: options.allow === 'none' ? [] : [docs] } })
	);
	await page.route(`${docs}/docs-page.html`, (route) =>
		route.fulfill({ contentType: 'text/html', body: html })
	);
	if (options.width) await page.setViewportSize({ width: options.width, height: 900 });
	await page.goto(`${docs}/docs-page.html`);
	return { frame: page.frameLocator('iframe').first(), docs, sandbox };
}

/** openHost, then waits for the embed's first `ready`. */
export async function openReadyHost(
	page: Page,
	baseURL: string | undefined,
	options: HostOptions = {}
) {
	const host = await openHost(page, baseURL, options);
	await waitFor(page, 'ready');
	return host;
}

/**
 * Storage denied to a third-party frame, as Safari, Firefox's strict mode and Chromium with
 * third-party cookies blocked do it: inside the cross-origin iframe, indexedDB.open and the Web
 * Storage getters throw a SecurityError. Headless Chromium has no command-line switch for that
 * content setting, so an init script reproduces exactly that API behaviour in third-party frames
 * only (the top-level page keeps its storage); the app code under test is untouched.
 */
export async function denyThirdPartyStorage(page: Page) {
	await page.addInitScript(() => {
		if (window.top === window) return;
		const denied = () => new DOMException('Access is denied for this document.', 'SecurityError');
		IDBFactory.prototype.open = function () {
			throw denied();
		};
		for (const name of ['localStorage', 'sessionStorage'])
			Object.defineProperty(window, name, {
				configurable: true,
				get() {
					throw denied();
				}
			});
	});
}

/** A 1200 px host whose embed is denied storage (denyThirdPartyStorage): it runs in memory. */
export async function openHostInMemory(page: Page, baseURL: string | undefined) {
	await denyThirdPartyStorage(page);
	return openHost(page, baseURL, { width: 1200 });
}

/** The messages received so far, without `resize` unless asked. */
export async function received(page: Page, withResize = false): Promise<Message[]> {
	const all = (await page.evaluate(() => (window as unknown as { received: Message[] }).received))!;
	return withResize ? all : all.filter((m) => m.type !== 'resize');
}

export const lastOf = async (page: Page, type: string) =>
	(await received(page)).filter((m) => m.type === type).at(-1);

/** Waits until `count` messages of `type` have arrived. */
export async function waitFor(page: Page, type: string, count = 1) {
	await expect
		.poll(async () => (await received(page)).filter((m) => m.type === type).length, {
			timeout: 60_000
		})
		.toBeGreaterThanOrEqual(count);
}

/** Calls the snippet's own `send` (a top-level const, so not a property of window). */
export const send = (page: Page, ...messages: object[]) =>
	page.evaluate(`${JSON.stringify(messages)}.forEach((m) => send(m))`);

export const checklist = (frame: FrameLocator) => frame.getByTestId('checklist-count');

/**
 * Proves without a sleep that the host's messages changed nothing. Call it before sending:
 * from then on the embed records every step count and theme it shows, and counts the messages
 * it hears from its host. `settle(n)` waits until it has heard n of them, then presses the
 * embed's own Reset walkthrough, which waits in line behind them (one queue for both): once its
 * notice shows, every earlier message has been handled, and `settle` returns what was shown.
 */
export async function watchEmbed(page: Page, frameLocator: FrameLocator) {
	const frame = page.frames().find((f) => f !== page.mainFrame())!;
	await frame.evaluate(() => {
		const w = window as unknown as { heard: number; shown: Set<string> };
		w.heard = 0;
		w.shown = new Set();
		addEventListener('message', (e) => {
			if (e.source === parent) w.heard++;
		});
		const record = () => {
			const count = document.querySelector('[data-testid="checklist-count"]')?.textContent;
			w.shown.add(`${count} / ${document.documentElement.dataset.theme ?? ''}`);
		};
		record();
		new MutationObserver(record).observe(document, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
	});
	return {
		async settle(messages: number) {
			await expect
				.poll(() => frame.evaluate(() => (window as unknown as { heard: number }).heard))
				.toBe(messages);
			await frameLocator.getByRole('button', { name: 'Reset walkthrough' }).click();
			await expect(frameLocator.getByText('The walkthrough starts over.')).toBeVisible();
			return frame.evaluate(() => [...(window as unknown as { shown: Set<string> }).shown]);
		}
	};
}
