import { sveltekit } from '@sveltejs/kit/vite';
import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// What every first screen of the console runs: the store's core, the domain's small shared
// helpers, the embed state. Left to itself Rolldown cuts these into some twenty chunks of well
// under 1 KB (one per set of importing pages), each fetched and gzipped apart; as one chunk the
// first load is about 2 KB smaller (budget 70 KB, tests/first-load-budget.spec.ts). Pages loaded
// later that use them find them loaded already. A module missing here only costs a chunk.
const FIRST_SCREEN =
	/\/src\/lib\/(store\/(db|schema|open|live\.svelte|meta|execute|clock\.svelte|sandbox\.svelte|view-commands|training-session|queries\/(inventory|phone-apps))|domain\/(types|devices|clock|outcome|format|audit-actions|push-status|random|secret|snapshot|mail|users)|embed\/(protocol|queue|embed\.svelte)|scenarios\/types|training\/welcome\.svelte)\.ts$/;

/**
 * V8's explicit compile hint (Chrome 136 and later): a file that begins with this comment has
 * every function compiled while it streams in, on a background thread, instead of each one on the
 * main thread at its first call. Set on the code a page's first screen runs: the entries, every
 * page's and layout's node, and what they import statically (not what is imported on demand:
 * the welcome, a report's chart). On a phone, starting the console ran some 15 ms of compiling
 * in its longest task (Lighthouse's Total Blocking Time). Other engines ignore the comment.
 */
function compileHints(): Plugin {
	const HINT = '//# allFunctionsCalledOnLoad\n';
	return {
		name: 'compile-hints',
		apply: 'build',
		generateBundle: {
			// Last: Vite's preload helper makes its own first line in some chunks.
			order: 'post',
			handler(_, bundle) {
				if (this.environment.name !== 'client') return;
				const marked = new Set<string>();
				const mark = (fileName: string) => {
					const chunk = bundle[fileName];
					if (marked.has(fileName) || chunk?.type !== 'chunk') return;
					marked.add(fileName);
					chunk.code = HINT + chunk.code;
					// A source map, where the build writes them, moves down by the line.
					const map = bundle[`${fileName}.map`];
					if (map?.type === 'asset' && typeof map.source === 'string') {
						const json = JSON.parse(map.source);
						map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
					}
					chunk.imports.forEach(mark);
				};
				for (const chunk of Object.values(bundle))
					if (chunk.type === 'chunk' && chunk.isEntry) mark(chunk.fileName);
			}
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), compileHints()],
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
