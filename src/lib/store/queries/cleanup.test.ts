import { describe, expect, it } from 'vitest';
import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { generateWorld } from '$lib/domain/seed';
import { revokeMigratedCommand } from '$lib/store/token-commands';
import { testDb } from '$lib/store/test-db';
import { cleanupFirstRows, cleanupPreview, cleanupPreviewInSteps } from './cleanup';

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

describe('migration clean-up first rows', () => {
	it('are the first rows of the whole preview, across the revocable states', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 400 }));
		const before = await cleanupPreview(db, 'acme');
		expect(before).toHaveLength(40);
		// Some listed tokens Suspended or Locked, one Lost/Faulty (no longer revocable, not listed).
		const pick = (i: number) => before[i].token;
		await db.tokens.bulkPut([
			{ ...pick(1), state: 'Suspended' },
			{ ...pick(4), state: 'Locked' },
			{ ...pick(7), state: 'Suspended' },
			{ ...pick(30), state: 'Locked' },
			{ ...pick(2), state: 'Lost/Faulty', userId: null }
		]);
		const whole = await cleanupPreview(db, 'acme');
		expect(whole).toHaveLength(39);
		for (const count of [1, 5, 10, 38, 39, 50])
			expect(await cleanupFirstRows(db, 'acme', count)).toEqual(whole.slice(0, count));
		expect(await cleanupFirstRows(db, 'globex', 10)).toEqual(
			(await cleanupPreview(db, 'globex')).slice(0, 10)
		);
	});
});

describe('migration clean-up read in steps', () => {
	it('lists what the preview lists, at any step size, with a user holding two MobilePASS+ tokens', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 400 }));
		const before = await cleanupPreview(db, 'acme');
		// A second Active MobilePASS+ token for a listed user: the preview shows the last by serial.
		const spare = await db.tokens.where('[serverId+state]').equals(['acme', 'Inventory']).first();
		await db.tokens.put({
			...before[3].replacement,
			serial: spare!.serial
		});
		const whole = await cleanupPreview(db, 'acme');
		expect(whole).toHaveLength(40);
		for (const step of [1, 3, 16, 1000])
			expect(await cleanupPreviewInSteps(db, 'acme', { size: step })).toEqual(whole);
		for (const count of [1, 4, 5, 40])
			expect(await cleanupFirstRows(db, 'acme', count)).toEqual(whole.slice(0, count));
		expect(await cleanupPreviewInSteps(db, 'globex', { size: 2 })).toEqual(
			await cleanupPreview(db, 'globex')
		);
	});
});
