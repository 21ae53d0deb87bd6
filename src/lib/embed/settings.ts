import { parseEmbedParams, type EmbedSettings } from './protocol';

const KEY = 'sta-token-sandbox-embed';

/**
 * Whether this window is an embedded walkthrough, and its settings. `/embed?…` starts one; the
 * settings then live in this frame's sessionStorage, so navigating inside the iframe (and a
 * reload) stays embedded. Outside an iframe, only the /embed page itself is embedded.
 */
export function detectEmbed(url: URL, base: string): EmbedSettings | null {
	const onEmbedPage = url.pathname === `${base}/embed` || url.pathname === `${base}/embed/`;
	if (onEmbedPage) {
		const settings = parseEmbedParams(url.searchParams);
		try {
			sessionStorage.setItem(KEY, JSON.stringify(settings));
		} catch {
			/* storage blocked: the settings hold for this page only */
		}
		return settings;
	}
	if (window.self === window.top) return null;
	try {
		const saved = sessionStorage.getItem(KEY);
		return saved ? (JSON.parse(saved) as EmbedSettings) : null;
	} catch {
		return null;
	}
}

/** Each embed's world is a database of its own: it never touches the full sandbox's world. */
export function embedDatabaseName(settings: EmbedSettings): string {
	return `sta-token-sandbox-embed-${settings.world}`;
}
