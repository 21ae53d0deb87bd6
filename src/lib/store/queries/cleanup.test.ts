import { describe, expect, it } from 'vitest';
import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { put } from '$lib/domain/outcome';
import { generateWorld } from '$lib/domain/seed';
import type { Token } from '$lib/domain/types';
import { applyChanges } from '$lib/store/execute';
import { revokeMigratedCommand } from '$lib/store/token-commands';
import { testDb } from '$lib/store/test-db';
import type { SandboxDB } from '$lib/store/db';
import { cleanupPage, cleanupPreview, cleanupSerials } from './cleanup';

/** Every page of the clean-up list, one after the other, and the totals each page gave. */
async function allPages(db: SandboxDB, serverId: string, size: number) {
	const rows = [];
	const totals = new Set<number>();
	for (let page = 0; ; page++) {
		const read = await cleanupPage(db, serverId, page, size);
		totals.add(read.total);
		rows.push(...read.rows);
		if (read.rows.length < size) break;
	}
	return { rows, totals: [...totals] };
}

/** The list as the page reads it equals the preview read from the tokens, at any page size. */
async function expectPagesEqualPreview(db: SandboxDB, serverId: string) {
	const preview = await cleanupPreview(db, serverId);
	for (const size of [1, 7, 50]) {
		const { rows, totals } = await allPages(db, serverId, size);
		expect(rows).toEqual(preview);
		expect(totals).toEqual([preview.length]);
	}
	expect(await cleanupSerials(db, serverId)).toEqual(preview.map((m) => m.token.serial));
	return preview;
}

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

describe('the clean-up list kept beside the world', () => {
	it('pages through what the preview lists, after a new world and after every kind of write', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 400 }));
		const before = await expectPagesEqualPreview(db, 'acme');
		expect(before).toHaveLength(40);
		await expectPagesEqualPreview(db, 'globex');
		const pick = (i: number) => before[i].token;
		// Listed tokens Suspended or Locked (still listed), one Lost/Faulty and unassigned (gone).
		await db.transaction('rw', db.worldTables, (tx) =>
			applyChanges(
				tx,
				[
					{ ...pick(1), state: 'Suspended' },
					{ ...pick(4), state: 'Locked' },
					{ ...pick(30), state: 'Locked' },
					{ ...pick(2), state: 'Lost/Faulty', userId: null }
				].map((t) => put('tokens', t as Token))
			)
		);
		expect(await expectPagesEqualPreview(db, 'acme')).toHaveLength(39);
		// A second Active MobilePASS+ token for a listed user: the last by serial replaces.
		const spare = await db.tokens.where('[serverId+state]').equals(['acme', 'Inventory']).first();
		const second = { ...before[3].replacement, serial: spare!.serial };
		await db.transaction('rw', db.worldTables, (tx) => applyChanges(tx, [put('tokens', second)]));
		const [row] = (await cleanupPage(db, 'acme', 2, 1)).rows;
		expect(row.token.serial).toBe(before[3].token.serial);
		expect(row.replacement.serial).toBe(
			[second.serial, before[3].replacement.serial].sort().at(-1)
		);
		await expectPagesEqualPreview(db, 'acme');
		// The user's MobilePASS+ tokens no longer Active: their MobilePASS 8 token leaves the list.
		await db.transaction('rw', db.worldTables, (tx) =>
			applyChanges(tx, [
				put('tokens', { ...second, state: 'Suspended' }),
				put('tokens', { ...before[3].replacement, state: 'Suspended' })
			])
		);
		expect(await expectPagesEqualPreview(db, 'acme')).toHaveLength(38);
		// Revoked by the clean-up command: the list is empty.
		const serials = await cleanupSerials(db, 'acme');
		expect((await revokeMigratedCommand(db, 'acme', serials)).ok).toBe(true);
		expect(await expectPagesEqualPreview(db, 'acme')).toEqual([]);
		expect(await cleanupPage(db, 'acme', 0, 50)).toEqual({ page: 0, rows: [], total: 0 });
	});
});
