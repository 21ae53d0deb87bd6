import { describe, expect, it } from 'vitest';
import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { generateWorld } from '$lib/domain/seed';
import { cleanupWorld, revokeMigratedCommand } from '$lib/store/console-commands';
import { testDb } from '$lib/store/test-db';
import { cleanupPreview } from './cleanup';

describe('migration clean-up preview, from the [serverId+app+state] index', () => {
	it('lists what the whole-server read lists, before and after a clean-up', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		const whole = async (serverId = 'acme') => {
			const { tokens, users } = await cleanupWorld(db, serverId);
			return migratedMobilePass8(tokens, users);
		};
		const preview = await cleanupPreview(db, 'acme');
		expect(preview).toHaveLength(20);
		expect(preview).toEqual(await whole());
		const all = preview.map((m) => m.token.serial);
		expect((await revokeMigratedCommand(db, 'acme', all)).ok).toBe(true);
		expect(await cleanupPreview(db, 'acme')).toEqual([]);
		expect(await cleanupPreview(db, 'globex')).toEqual(await whole('globex'));
	});
});
