import { base } from '$app/paths';
import { building } from '$app/environment';
import type { Handle } from '@sveltejs/kit';
import { firstPaintShell } from '$lib/first-paint/shell';
import { withWalkthroughPreloads } from '$lib/server/walkthrough-preloads';

/**
 * Runs at prerender time only (the site is static).
 * - Every page gets its first paint: the console's and the phone's frames, before any
 *   JavaScript has loaded ($lib/first-paint/shell.ts).
 * - The /embed page gets one small script of its own, ahead of the app, that keeps the messages
 *   a documentation page sends at the iframe's load: the app itself starts later, and they would
 *   be lost (docs/embedding.md). Its HTML also names the modules the walkthrough's start needs,
 *   with their styles ($lib/server/walkthrough-preloads.ts; in a build only: `vite dev` has no
 *   manifest).
 */
export const handle: Handle = ({ event, resolve }) => {
	const embed = event.url.pathname === `${base}/embed`;
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = html.replace(
				'<div class="app-root">',
				`${firstPaintShell(event.url.pathname, embed)}<div class="app-root">`
			);
			if (!embed) return page;
			return (building ? withWalkthroughPreloads(page) : page).replace(
				'</head>',
				`<script src="${base}/embed-inbox.js" defer></script></head>`
			);
		}
	});
};
