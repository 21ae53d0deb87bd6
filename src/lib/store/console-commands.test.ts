import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { DAY } from '$lib/domain/clock';
import { editTaskCommand, provisionCommand } from './provisioning-commands';
import { operateTokenCommand } from './token-commands';
import { moveClock } from './view-commands';
import { revokeMigratedCommand } from './token-commands';
import { importUsersCommand } from './user-commands';
import { cleanupPreview } from './queries/cleanup';
import { runsPerTable } from './execute';
import { dumpTables, testDb } from './test-db';
import { stateCounts } from '$lib/store/queries/inventory';

const acmeUsers = async (db: Awaited<ReturnType<typeof testDb>>) =>
	db.users.where('serverId').equals('acme').sortBy('id');

describe('provisioning a chosen serial', () => {
	it('a revoked MobilePASS 8 serial goes to another user', async () => {
		const db = await testDb();
		const old = (await db.tokens.where('[serverId+state]').equals(['acme', 'Active']).first())!;
		expect((await operateTokenCommand(db, old.serial, 'revokeToInventory')).ok).toBe(true);
		const other = (await acmeUsers(db)).find((u) => u.id !== old.userId && u.id.endsWith('u20'))!;
		const result = await provisionCommand(db, 'acme', [other.id], { serial: old.serial });
		expect(result.ok).toBe(true);
		expect(await db.tokens.get(old.serial)).toMatchObject({
			state: 'Assigned',
			userId: other.id,
			app: null
		});
	});

	it.each([
		['a serial that is not in Inventory', 'Active', /is Active, not in Inventory/],
		['a serial of the other virtual server', 'globex', /not in the Inventory of Acme Corp/],
		['an unknown serial', 'none', /no such serial/]
	])('refuses %s, changing nothing', async (_, kind, reason) => {
		const db = await testDb();
		const serial =
			kind === 'none'
				? '0000000000'
				: kind === 'globex'
					? (await db.tokens.where('[serverId+state]').equals(['globex', 'Inventory']).first())!
							.serial
					: (await db.tokens.where('[serverId+state]').equals(['acme', 'Active']).first())!.serial;
		const user = (await acmeUsers(db))[20];
		const before = await dumpTables(db, ['audit']);
		const result = await provisionCommand(db, 'acme', [user.id], { serial });
		expect(result).toMatchObject({ ok: false });
		if (!result.ok) expect(result.reason).toMatch(reason);
		expect(await dumpTables(db, ['audit'])).toEqual(before);
	});

	it('refuses a chosen serial for more than one user', async () => {
		const db = await testDb();
		const inv = (await db.tokens.where('[serverId+state]').equals(['acme', 'Inventory']).first())!;
		const users = (await acmeUsers(db)).slice(15, 17).map((u) => u.id);
		const result = await provisionCommand(db, 'acme', users, { serial: inv.serial });
		expect(result.ok).toBe(false);
	});
});

describe('migration clean-up command', () => {
	it('revokes every migrated MobilePASS 8 token at once; Inventory grows by as many', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		const before = await stateCounts(db, 'acme');
		const list = await cleanupPreview(db, 'acme');
		expect(list.length).toBe(20);
		const serials = list.map((m) => m.token.serial);
		expect((await revokeMigratedCommand(db, 'acme', serials)).ok).toBe(true);
		const after = await stateCounts(db, 'acme');
		expect(after.Inventory).toBe(before.Inventory + 20);
		expect(after.Active).toBe(before.Active - 20);
		expect(await cleanupPreview(db, 'acme')).toEqual([]);
		const again = await revokeMigratedCommand(db, 'acme', serials);
		expect(again.ok).toBe(false);
	});
});

describe('user import command', () => {
	it('imports nothing while a row is bad, everything once the file is clean', async () => {
		const db = await testDb();
		const count = () => db.users.where('serverId').equals('acme').count();
		const n = await count();
		const bad = 'User ID,First Name,Last Name,Email,Groups\nnew1,A,B,a@b.io,\nnew2,C,D,nope,';
		expect((await importUsersCommand(db, 'acme', 'f.csv', bad)).ok).toBe(false);
		expect(await count()).toBe(n);
		const good = bad.replace('nope', 'c@d.io');
		expect((await importUsersCommand(db, 'acme', 'f.csv', good)).ok).toBe(true);
		expect(await count()).toBe(n + 2);
	});
});

describe('applyChanges grouping', () => {
	it('groups each table into runs of puts and deletes, in order', () => {
		const runs = runsPerTable([
			{ table: 'tokens', put: { serial: '1' } as never },
			{ table: 'mail', put: { id: 'm' } as never },
			{ table: 'tokens', put: { serial: '2' } as never },
			{ table: 'tokens', delete: '1' },
			{ table: 'tokens', put: { serial: '1' } as never }
		]);
		expect(runs.get('tokens')).toEqual([
			{ kind: 'put', items: [{ serial: '1' }, { serial: '2' }] },
			{ kind: 'delete', items: ['1'] },
			{ kind: 'put', items: [{ serial: '1' }] }
		]);
		expect(runs.get('mail')).toEqual([{ kind: 'put', items: [{ id: 'm' }] }]);
	});
});

describe('provisioning tasks as documented', () => {
	it('an Expired user is provisioned again directly; the old line stays Expired', async () => {
		const db = await testDb();
		const user = (await acmeUsers(db)).find((u) => u.id.endsWith('u20'))!;
		expect((await provisionCommand(db, 'acme', [user.id])).ok).toBe(true);
		const first = (await db.enrollments.where('userId').equals(user.id).first())!;
		expect((await provisionCommand(db, 'acme', [user.id])).ok).toBe(false);
		await moveClock(db, { kind: 'advance', ms: 8 * DAY });
		const again = await provisionCommand(db, 'acme', [user.id]);
		expect(again.ok).toBe(true);
		const lines = await db.enrollments.where('userId').equals(user.id).toArray();
		expect(lines.map((e) => e.status).sort()).toEqual(['Active', 'Expired']);
		expect(await db.tokens.get(first.serial)).toMatchObject({ state: 'Inventory', userId: null });
	});

	it('Edit removes a user and sets a stop date in one transaction and one audit row', async () => {
		const db = await testDb();
		const users = (await acmeUsers(db)).filter((u) => /u(2[0-2])$/.test(u.id));
		expect(
			(
				await provisionCommand(
					db,
					'acme',
					users.map((u) => u.id)
				)
			).ok
		).toBe(true);
		const task = (await db.tasks.where('serverId').equals('acme').first())!;
		const lines = await db.enrollments.where('taskId').equals(task.id).toArray();
		const auditBefore = await db.audit.count();
		const stopDate = task.stopDate + DAY;
		const edit = await editTaskCommand(db, 'acme', task.id, {
			remove: [lines[0].id],
			notify: true,
			stopDate
		});
		expect(edit.ok).toBe(true);
		expect(await db.audit.count()).toBe(auditBefore + 1);
		expect((await db.tasks.get(task.id))!.stopDate).toBe(stopDate);
		expect(await db.enrollments.get(lines[0].id)).toMatchObject({ status: 'Removed' });
		expect(await db.tokens.get(lines[0].serial)).toMatchObject({ state: 'Inventory' });
		const mail = await db.mail.where('userId').equals(lines[0].userId).toArray();
		expect(mail.map((m) => m.subject)).toContain('SafeNet MobilePASS token enrollment cancelled');

		// A refused edit is audited and changes nothing.
		const before = await dumpTables(db, ['audit']);
		const refusedEdit = await editTaskCommand(db, 'acme', task.id, {
			remove: [lines[0].id],
			notify: false,
			stopDate: null
		});
		expect(refusedEdit.ok).toBe(false);
		expect(await dumpTables(db, ['audit'])).toEqual(before);
		expect((await db.audit.orderBy('id').last())!.outcome).toBe('Refused');
	});
});
