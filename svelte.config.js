import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** BASE_PATH hosts the sandbox under a sub-path, e.g. BASE_PATH=/sandbox npm run build. */
const base = /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? '');

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every route is prerendered as an empty shell (ssr = false); the fallback page serves
		// deep links to dynamic routes (a token's details) on any static host.
		adapter: adapter({ fallback: '404.html', strict: true }),
		paths: { base, relative: false }
	}
};

export default config;
