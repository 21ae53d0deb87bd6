import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** BASE_PATH hosts the sandbox under a sub-path, e.g. BASE_PATH=/sandbox npm run build. */
const base = /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? '');
/**
 * LMS_PACKAGE=1 (set by `npm run package:lms`) builds the copy that goes into the SCORM
 * packages: relative paths, so it runs from whatever path a learning platform serves it from,
 * in a directory of its own so the normal build/ is untouched.
 */
const lms = process.env.LMS_PACKAGE === '1';
const out = lms ? 'build-lms/site' : 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Every route is prerendered as an empty shell (ssr = false); the fallback page serves
		// deep links to dynamic routes (a token's details) on any static host.
		// Its own working directory too: `vite preview` serves .svelte-kit/output, which the
		// packaging must not overwrite while the end-to-end tests run against the normal build.
		outDir: lms ? '.svelte-kit-lms' : '.svelte-kit',
		adapter: adapter({ pages: out, assets: out, fallback: '404.html', strict: true }),
		paths: lms ? { base: '', relative: true } : { base, relative: false },
		// The page's styles go inline, with their hashes in the policy below: on a slow phone
		// network the first paint waits for one file, the HTML, not for a dozen stylesheets.
		inlineStyleThreshold: Infinity,
		// Kit puts this policy in a <meta> tag of every page, with the hash of its own bootstrap
		// script and of the page's inlined styles: no other inline script or style applies, and
		// nothing loads from another origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// The one inline style SvelteKit itself writes: its visually hidden route announcer.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
