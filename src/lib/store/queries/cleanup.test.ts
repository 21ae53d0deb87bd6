import { describe, expect, it } from 'vitest';
import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { generateWorld } from '$lib/domain/seed';
import { revokeMigratedCommand } from '$lib/store/token-commands';
import { testDb } from '$lib/store/test-db';
import { cleanupPreview } from './cleanup';

describe('migration clean-up preview, from the [serverId+app+state] index', () => {
	it('lists what the whole-server read lists, before and after a clean-up', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		const whole = async (serverId = 'acme') => {
			// The oracle: every token and user of the server, as the page read them before.
			const tokens = await db.tokens.where('serverId').equals(serverId).toArray();
			const users = await db.users.where('serverId').equals(serverId).toArray();
			return migratedMobilePass8(tokens, new Map(users.map((u) => [u.id, u])));
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
