import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	preview: { port: 4173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		setupFiles: ['src/test-setup.ts'],
		// IndexedDB tests on fake-indexeddb share two cores with the model-based suite: give them room.
		testTimeout: 20_000
	}
});
