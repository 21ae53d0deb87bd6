import type { Reroute } from '@sveltejs/kit';

/**
 * A learning platform launches the packaged sandbox at `…/index.html` (imsmanifest.xml): that is
 * the home page, not a route of its own.
 */
export const reroute: Reroute = ({ url }) =>
	url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : undefined;
