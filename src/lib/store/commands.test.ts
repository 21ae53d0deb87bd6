import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { provisionCommand } from './provisioning-commands';
import { operateTokenCommand } from './token-commands';
import { moveClock } from './view-commands';
import { simulatedNow } from './execute';
import { dumpTables, testDb } from './test-db';

describe('store commands', () => {
	it('provisions: token Assigned with a new secret, a task, an enrollment, an email, an audit row', async () => {
		const db = await testDb();
		const user = (await db.users.where('serverId').equals('acme').toArray())[20];
		const result = await provisionCommand(db, 'acme', [user.id]);
		expect(result.ok).toBe(true);
		const token = await db.tokens.where('userId').equals(user.id).first();
		expect(token).toMatchObject({ state: 'Assigned', userId: user.id });
		expect(token?.secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(await db.tasks.count()).toBe(1);
		const enrollment = await db.enrollments.where('userId').equals(user.id).first();
		expect(enrollment).toMatchObject({ status: 'Active', serial: token?.serial });
		const mail = await db.mail.where('userId').equals(user.id).toArray();
		expect(mail).toHaveLength(1);
		expect(mail[0].enrollmentCode).toBe(enrollment?.code);
		const audit = await db.audit.toArray();
		expect(audit).toMatchObject([
			{ action: 'Provision', outcome: 'Success', serial: token?.serial, user: user.userId }
		]);
	});

	it('a refused command leaves every table unchanged and audits the refusal', async () => {
		const db = await testDb();
		const inventoryToken = await db.tokens
			.where('[serverId+state]')
			.equals(['acme', 'Inventory'])
			.first();
		const before = await dumpTables(db, ['audit']);
		const result = await operateTokenCommand(db, inventoryToken!.serial, 'suspend');
		expect(result).toMatchObject({ ok: false });
		if (!result.ok) expect(result.reason).toMatch(/Suspend is not allowed: .* is Inventory/);
		expect(await dumpTables(db, ['audit'])).toEqual(before);
		expect(await db.audit.toArray()).toMatchObject([{ action: 'Suspend', outcome: 'Refused' }]);
	});

	it('two provisions racing for the last Inventory token: exactly one wins', async () => {
		const world = generateWorld({ seed: 'acme-demo', users: 25 });
		const acmeInventory = world.tokens.filter(
			(t) => t.serverId === 'acme' && t.state === 'Inventory'
		);
		const keep = acmeInventory[0].serial;
		world.tokens = world.tokens.filter(
			(t) => t.serverId !== 'acme' || t.state !== 'Inventory' || t.serial === keep
		);
		const db = await testDb(world);
		const [a, b] = world.users.filter((u) => u.serverId === 'acme').slice(15, 17);
		const results = await Promise.all([
			provisionCommand(db, 'acme', [a.id]),
			provisionCommand(db, 'acme', [b.id])
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const loser = results.find((r) => !r.ok);
		expect(loser && !loser.ok && loser.reason).toMatch(/0 available, 1 missing/);
		const token = await db.tokens.get(keep);
		expect(token?.state).toBe('Assigned');
		expect(await db.enrollments.count()).toBe(1);
	});

	it('revoke to inventory clears the user and the secret; the serial can be provisioned again', async () => {
		const db = await testDb();
		const active = await db.tokens.where('[serverId+state]').equals(['acme', 'Active']).first();
		expect((await operateTokenCommand(db, active!.serial, 'revokeToInventory')).ok).toBe(true);
		expect(await db.tokens.get(active!.serial)).toMatchObject({
			state: 'Inventory',
			userId: null,
			secret: null,
			app: null
		});
	});

	it('moves the shared simulated clock', async () => {
		const db = await testDb();
		await moveClock(db, { kind: 'pause' });
		const t0 = await simulatedNow(db);
		await moveClock(db, { kind: 'advance', ms: 3_600_000 });
		expect(await simulatedNow(db)).toBe(t0 + 3_600_000);
	});
});
