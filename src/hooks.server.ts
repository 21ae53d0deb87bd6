import { base } from '$app/paths';
import type { Handle } from '@sveltejs/kit';

/**
 * Runs at prerender time only (the site is static). The /embed page gets one small script of
 * its own, ahead of the app, that keeps the messages a documentation page sends at the
 * iframe's load: the app itself starts later, and they would be lost (docs/embedding.md).
 */
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			event.url.pathname === `${base}/embed`
				? html.replace('</head>', `<script src="${base}/embed-inbox.js" defer></script></head>`)
				: html
	});
