import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// What every first screen of the console runs: the store's core with Dexie, the domain's small
// shared helpers, the embed state. Left to itself Rolldown cuts these into some twenty chunks of
// well under 1 KB (one per set of importing pages), each fetched and gzipped apart; as one chunk
// the first load is about 2 KB smaller (budget 90 KB, tests/first-load-budget.spec.ts). Pages
// loaded later that use them find them loaded already. A module missing here only costs a chunk.
const FIRST_SCREEN =
	/\/src\/lib\/(store\/(db|schema|open|live\.svelte|meta|execute|clock\.svelte|sandbox\.svelte|view-commands|training-session|queries\/(inventory|phone-apps))|domain\/(types|devices|clock|outcome|format|audit-actions|push-status|random|secret|snapshot|mail|users)|embed\/(protocol|queue|embed\.svelte)|scenarios\/types|training\/welcome\.svelte)\.ts$/;

export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: [
			// Dexie's ES2018 build instead of its ES5 one (what `import 'dexie'` resolves to): the
			// same API, about 3 KB less gzipped JavaScript on the first load.
			{
				find: /^dexie$/,
				replacement: fileURLToPath(
					new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)
				)
			}
		]
	},
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	build: {
		rolldownOptions: {
			output: { codeSplitting: { groups: [{ name: 'sandbox', test: FIRST_SCREEN }] } }
		}
	},
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/test-setup.ts'],
		// Vitest's default is one worker less than the cores: on CI's two cores, one worker, so the
		// model-based suite (about half of the tests' time, in one file) ran before or after all
		// the rest instead of beside it.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// IndexedDB tests on fake-indexeddb share two cores with the model-based suite: give them room.
		testTimeout: 20_000
	}
});
