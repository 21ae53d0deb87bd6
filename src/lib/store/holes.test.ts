/**
 * The holes issue 12 found, one test each, written before its fix: each failed on the code as
 * it was. Store-level, against the real commands on fake-indexeddb.
 */
import { describe, expect, it } from 'vitest';
import { allocation, countByState } from '$lib/domain/snapshot';
import { generateWorld } from '$lib/domain/seed';
import { provisionCommand } from './provisioning-commands';
import { operateTokenCommand } from './token-commands';
import {
	answerPushCommand,
	editPhoneCommand,
	removeAppCommand,
	requestPushCommand
} from './phone-commands';
import { enrollPlus, startMigration } from './scenario-test-kit';
import { testDb } from './test-db';

/** acme-u1 (a MobilePASS 8 holder) on an iPhone that can run MobilePASS+ too. */
async function mobilePass8Holder() {
	const db = await testDb();
	const user = (await db.users.get('acme-u1'))!;
	const phone = (await db.phones.where('ownerId').equals(user.id).first())!;
	expect(
		await editPhoneCommand(db, phone.id, { os: 'iOS', osVersion: '17.5', model: 'iPhone 15' })
	).toMatchObject({ ok: true });
	const old = (await db.tokens.where('userId').equals(user.id).first())!;
	expect(old.app).toBe('MobilePASS 8');
	await startMigration(db);
	return { db, user, phone, old };
}

describe('holes of issue 12', () => {
	it('a push request cannot be approved once MobilePASS+ is removed from the phone', async () => {
		const { db, user, phone } = await mobilePass8Holder();
		expect((await provisionCommand(db, 'acme', [user.id])).ok).toBe(true);
		const serial = await enrollPlus(db, user.id, 'Allow');
		const sent = await requestPushCommand(db, 'acme-app1', user.userId, 'Lyon');
		expect(sent.ok).toBe(true);
		expect((await removeAppCommand(db, phone.id, 'mobilePassPlus')).ok).toBe(true);
		const answer = await answerPushCommand(db, sent.requestId, 'approve');
		expect(answer).toMatchObject({ ok: false, reason: expect.stringMatching(/MobilePASS\+/) });
		expect(await db.pushRequests.get(sent.requestId)).toMatchObject({ status: 'Pending' });
		expect((await db.tokens.get(serial))!.lastUsedAt).toBeNull();
	});

	it('a push request cannot be approved once the token is suspended', async () => {
		const { db, user } = await mobilePass8Holder();
		expect((await provisionCommand(db, 'acme', [user.id])).ok).toBe(true);
		const serial = await enrollPlus(db, user.id, 'Allow');
		const sent = await requestPushCommand(db, 'acme-app1', user.userId, 'Lyon');
		expect((await operateTokenCommand(db, serial, 'suspend')).ok).toBe(true);
		const answer = await answerPushCommand(db, sent.requestId, 'approve');
		expect(answer).toMatchObject({ ok: false, reason: expect.stringMatching(/Suspended/) });
	});

	it('a reused serial re-enrolled on the same phone keeps the other app’s card', async () => {
		const { db, user, phone, old } = await mobilePass8Holder();
		expect((await operateTokenCommand(db, old.serial, 'revokeToInventory')).ok).toBe(true);
		expect((await provisionCommand(db, 'acme', [user.id], { serial: old.serial })).ok).toBe(true);
		await enrollPlus(db, user.id, 'Allow');
		const cards = await db.appTokens.where('phoneId').equals(phone.id).toArray();
		expect(cards.map((c) => [c.app, c.serial]).sort()).toEqual([
			['MobilePASS 8', old.serial],
			['MobilePASS+', old.serial]
		]);
	});

	it('seeded MobilePASS 8 tokens have a PIN, as MobilePASS 8 always asks for one', () => {
		const world = generateWorld({ seed: 'acme-demo', users: 25 });
		const mp8 = world.appTokens.filter((a) => a.app === 'MobilePASS 8');
		expect(mp8.length).toBeGreaterThan(0);
		for (const a of mp8) expect(a.pin).toMatch(/^\d{4,8}$/);
	});

	it('Maximum = In Use + Available once a token is Lost/Faulty', async () => {
		const { db, old } = await mobilePass8Holder();
		expect((await operateTokenCommand(db, old.serial, 'revokeLostFaulty')).ok).toBe(true);
		const a = allocation(countByState(await db.tokens.where('serverId').equals('acme').toArray()));
		expect(a.maximum).toBe(await db.tokens.where('serverId').equals('acme').count());
		expect(a.inUse + a.available).toBe(a.maximum);
	});
});
