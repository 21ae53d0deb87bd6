import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The files an embedded walkthrough's start fetches beside its own page: the bridge, the bar,
 * the checklist, the world generator (every embed builds a world of its own) and the sandbox's
 * first page, `/`, which the embed hands over to. Named in the /embed page's HTML, the browser
 * fetches them with the page. Fetched by the app instead, each took a task's time to add (a
 * `<link>` per file, 28 of them) and came one round trip later, after the app's code had run
 * (Lighthouse mobile on the embed, medians of five side by side with the build before: 81 → 86,
 * and 83 → 85 another time). Of the scenario, which only the app knows (a query
 * parameter, $lib/embed/prefetch.ts), the HTML names what every scenario's content imports.
 * Their styles go inline, as the other pages' own do (svelte.config.js): added as stylesheets at
 * the hand-over, they were parsed and applied in the task that builds the sandbox.
 */
const MODULES = [
	'src/lib/embed/EmbedBridge.svelte',
	'src/lib/embed/EmbedBar.svelte',
	'src/lib/training/ChecklistPanel.svelte',
	'src/lib/domain/seed.ts'
];
/** Each built-in scenario's content, a module of its own. */
const SCENARIOS = 'src/lib/scenarios/content/';
/** The components of `/`, each inside a route node that SvelteKit generates. */
const ROUTE = ['src/routes/(sandbox)/+layout.svelte', 'src/routes/(sandbox)/+page.svelte'];

interface Chunk {
	file: string;
	src?: string;
	imports?: string[];
	css?: string[];
}

/**
 * The prerendered /embed page `html` with those files: `<link>` tags for the modules it does not
 * name already, and their styles inline, each file with a disabled `<link>` that tells the app's
 * module loader it is there (as SvelteKit does for a page's own styles), the style's hash added
 * to the page's content security policy. Read from the client build (its Vite manifest, which
 * SvelteKit writes before it prerenders): this module runs at build time only
 * (src/hooks.server.ts).
 */
export function withWalkthroughPreloads(html: string): string {
	// hooks.server.ts is built to <outDir>/output/server/entries/; the client beside the server.
	const client = (file: string) =>
		readFileSync(new URL(`../../client/${file}`, import.meta.url), 'utf8');
	const manifest: Record<string, Chunk> = JSON.parse(client('.vite/manifest.json'));
	const routeNodes = Object.keys(manifest).filter((key) => {
		const src = manifest[key].src;
		if (!src?.includes('/generated/client-optimized/nodes/')) return false;
		const node = readFileSync(src, 'utf8');
		return ROUTE.some((component) => node.includes(`/${component}"`));
	});
	const roots = [...MODULES, ...routeNodes];
	if (roots.length !== MODULES.length + ROUTE.length || roots.some((key) => !manifest[key]))
		throw new Error(`withWalkthroughPreloads: not all of ${roots.join(', ')} are in the build`);

	/** The chunk `key` and everything it imports, scripts and styles. */
	const closure = (key: string, scripts = new Set<string>(), styles = new Set<string>()) => {
		const chunk = manifest[key];
		if (scripts.has(chunk.file)) return { scripts, styles };
		scripts.add(chunk.file);
		for (const css of chunk.css ?? []) styles.add(css);
		for (const imported of chunk.imports ?? []) closure(imported, scripts, styles);
		return { scripts, styles };
	};
	const scripts = new Set<string>();
	const styles = new Set<string>();
	for (const key of roots) closure(key, scripts, styles);
	const contents = Object.keys(manifest).filter((key) => key.startsWith(SCENARIOS));
	const shared = contents
		.map((key) => closure(key).scripts)
		.reduce((a, b) => new Set([...a].filter((file) => b.has(file))));
	for (const file of shared) scripts.add(file);

	// The page's own links give the prefix: `/`, a base path, or `./` in the relative build.
	// Low priority: the first paint needs none of them, and the page's own modules come first.
	const prefix = /href="([^"]*?)_app\/immutable\//.exec(html)?.[1];
	if (prefix === undefined) throw new Error('withWalkthroughPreloads: the page links no module');
	const named = (file: string) => html.includes(`${prefix}${file}"`);
	const links = [...scripts]
		.filter((file) => !named(file))
		.map((file) => `<link href="${prefix}${file}" rel="modulepreload" fetchpriority="low">`);
	const inline = [...styles].filter((file) => !named(file));
	const css = inline.map(client).join('');
	const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
	// `style-src` itself, not `style-src-attr`.
	const policy = /(content-security-policy"[^>]*\bstyle-src(?!-))([^;"]*)/;
	if (!policy.test(html))
		throw new Error('withWalkthroughPreloads: the page has no style-src policy');
	return html
		.replace(policy, `$1$2 ${hash}`)
		.replace(
			'</head>',
			links.join('') +
				inline
					.map(
						(file) =>
							`<link href="${prefix}${file}" rel="stylesheet" disabled media="(max-width: 0)">`
					)
					.join('') +
				`<style>${css}</style></head>`
		);
}
