import { describe, expect, it } from 'vitest';
import { Sandbox } from './sandbox.svelte';

describe('Sandbox.start', () => {
	it('knows the server and the phone before the first screen is built', async () => {
		const sandbox = new Sandbox(undefined, `sandbox-start-${Math.random()}`);
		await sandbox.start();
		expect(sandbox.ready).toBe(true);
		// Read outside any effect: no query runs here, so these are what start() read.
		expect(sandbox.servers.map((s) => s.id)).toEqual(['acme', 'globex']);
		expect(sandbox.serverId).toBe('acme');
		expect(sandbox.preferences?.phoneUserId).toBeTruthy();
	});

	it('an embed that builds its own world starts with none, and no server', async () => {
		const sandbox = new Sandbox(undefined, `sandbox-start-${Math.random()}`);
		await sandbox.start({ demoWorld: false });
		expect(sandbox.ready).toBe(true);
		expect(sandbox.servers).toEqual([]);
		expect(sandbox.serverId).toBe('');
	});
});
