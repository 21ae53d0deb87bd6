import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { provisionCommand } from './provisioning-commands';
import { SandboxDB } from './db';
import { declaredVersions, SCHEMA } from './schema';
import { dumpTables, testDb } from './test-db';

describe('faults', () => {
	it('storage quota exceeded mid-command: a clear message and no partial write', async () => {
		const db = await testDb();
		const users = (await db.users.where('serverId').equals('acme').toArray()).slice(15, 18);
		const before = await dumpTables(db);
		// The disk fills up at the second mail written.
		let mails = 0;
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
			if (this.name === 'mail' && ++mails === 2)
				throw new DOMException('Quota exceeded', 'QuotaExceededError');
			return put.apply(this, args);
		};
		const result = await provisionCommand(
			db,
			'acme',
			users.map((u) => u.id)
		).finally(() => (IDBObjectStore.prototype.put = put));
		expect(mails).toBeGreaterThanOrEqual(2);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(/no storage space left .* Nothing was changed/);
		expect(await dumpTables(db)).toEqual(before);
	});
});

describe('schema upgrade', () => {
	it('a database written by the first schema version opens with the current code, every record kept', async () => {
		// Version 1 exactly as it shipped: later versions must upgrade from it, never edit it.
		const first = SCHEMA[0];
		expect(first.version).toBe(1);
		const name = `upgrade-${Math.random()}`;
		const source = await testDb();
		const world = await dumpTables(source);
		const meta = await source.meta.toArray();
		const old = new Dexie(name);
		old.version(1).stores(first.stores);
		await old.open();
		await old.transaction('rw', old.tables, async (tx) => {
			for (const [table, rows] of Object.entries(world)) await tx.table(table).bulkAdd(rows);
			await tx.table('meta').bulkAdd(meta);
		});
		old.close();

		const current = new SandboxDB(name);
		await current.open();
		expect(current.verno).toBe(SCHEMA[SCHEMA.length - 1].version);
		const after = await dumpTables(current);
		for (const [table, rows] of Object.entries(world))
			expect(after[table], table).toHaveLength(rows.length);
		expect(after).toEqual(world);
		expect(await current.meta.toArray()).toEqual(meta);
	});

	it('a database of any earlier version ends with the stores and indexes of a new one', async () => {
		// The class declares only the versions with an upgrade and the latest (declaredVersions):
		// every version's database (as Dexie created it) must still end at the current schema.
		const layout = (db: { backendDB(): IDBDatabase }) => {
			const idb = db.backendDB();
			const names = [...idb.objectStoreNames].sort();
			const tx = idb.transaction(names);
			return names.map((n) => {
				const store = tx.objectStore(n);
				const indexes = [...store.indexNames].sort().map((i) => {
					const index = store.index(i);
					return [i, index.keyPath, index.unique, index.multiEntry];
				});
				return [n, store.keyPath, store.autoIncrement, indexes];
			});
		};
		const fresh = new SandboxDB(`fresh-${Math.random()}`);
		await fresh.open();
		const expected = layout(fresh);
		expect(declaredVersions(SCHEMA).map((v) => v.version)).toEqual([2, 6]);
		for (const shipped of SCHEMA.slice(0, -1)) {
			const name = `upgrade-${shipped.version}-${Math.random()}`;
			const old = new Dexie(name);
			for (const v of SCHEMA.filter((v) => v.version <= shipped.version))
				old.version(v.version).stores(v.stores);
			await old.open();
			old.close();
			const current = new SandboxDB(name);
			await current.open();
			expect(layout(current), `from version ${shipped.version}`).toEqual(expected);
			current.close();
		}
	});

	it('version 2 rewrites free-text Target and Device Type, and gives phones a form factor', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new Dexie(name);
		old.version(1).stores(SCHEMA[0].stores);
		await old.open();
		await old.table('phones').add({
			id: 'p1',
			ownerId: 'u1',
			os: 'iOS',
			osVersion: '17.4',
			model: 'iPad Air',
			installed: { mobilePass8: true, mobilePassPlus: false }
		});
		await old.table('tokens').add({
			serial: '1',
			serverId: 'acme',
			state: 'Active',
			target: 'Windows 10',
			deviceType: 'Microsoft Surface Pro 7'
		});
		await old.table('tokens').add({
			serial: '2',
			serverId: 'acme',
			state: 'Active',
			target: 'Android 7.0',
			deviceType: 'Samsung Galaxy S7'
		});
		old.close();

		const current = new SandboxDB(name);
		await current.open();
		expect(await current.phones.get('p1')).toMatchObject({
			model: 'iPad Air',
			formFactor: 'Tablet'
		});
		expect(await current.tokens.get('1')).toMatchObject({
			target: 'Windows 10',
			deviceType: 'Desktop'
		});
		expect(await current.tokens.get('2')).toMatchObject({
			target: 'Android',
			deviceType: 'Mobile'
		});
	});

	it('version 5 indexes the tokens and audit events a version 4 database already holds', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new Dexie(name);
		for (const v of SCHEMA.filter((v) => v.version <= 4)) old.version(v.version).stores(v.stores);
		await old.open();
		await old.table('tokens').bulkAdd([
			{ serial: '1', serverId: 'acme', state: 'Active', app: 'MobilePASS+', userId: 'u1' },
			{ serial: '2', serverId: 'acme', state: 'Inventory', app: null, userId: null }
		]);
		await old.table('audit').add({ serverId: 'acme', at: 1, action: 'Provision' });
		old.close();

		const current = new Dexie(name);
		for (const v of SCHEMA.filter((v) => v.version <= 5))
			current.version(v.version).stores(v.stores);
		await current.open();
		expect(current.verno).toBe(5);
		const held = await current
			.table('tokens')
			.where('[serverId+userId+serial]')
			.between(['acme'], ['acme', []])
			.primaryKeys();
		expect(held).toEqual(['1']);
		expect(
			await current
				.table('tokens')
				.where('[serverId+app+state+userId+serial]')
				.between(['acme', 'MobilePASS+', 'Active'], ['acme', 'MobilePASS+', 'Active', []])
				.uniqueKeys()
		).toEqual([['acme', 'MobilePASS+', 'Active', 'u1', '1']]);
		expect(
			await current
				.table('audit')
				.where('[serverId+action]')
				.between(['acme'], ['acme', []])
				.uniqueKeys()
		).toEqual([['acme', 'Provision']]);
		current.close();
	});

	it('version 6 builds the clean-up list from the tokens a version 5 database holds', async () => {
		const name = `upgrade-${Math.random()}`;
		const old = new Dexie(name);
		for (const v of SCHEMA.filter((v) => v.version <= 5)) old.version(v.version).stores(v.stores);
		await old.open();
		const token = (serial: string, app: string, state: string, userId: string | null) => ({
			serial,
			serverId: 'acme',
			app,
			state,
			userId
		});
		await old
			.table('tokens')
			.bulkAdd([
				token('1', 'MobilePASS 8', 'Active', 'u1'),
				token('2', 'MobilePASS+', 'Active', 'u1'),
				token('3', 'MobilePASS 8', 'Active', 'u2'),
				token('4', 'MobilePASS+', 'Suspended', 'u2')
			]);
		old.close();

		const current = new SandboxDB(name);
		await current.open();
		expect(current.verno).toBe(6);
		expect(await current.cleanupList.toArray()).toEqual([
			{ serial: '1', serverId: 'acme', userId: 'u1', replacement: '2' }
		]);
	});
});
