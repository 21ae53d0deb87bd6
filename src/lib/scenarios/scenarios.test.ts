/**
 * Every built-in scenario, driven through its state changes on a seeded fake-indexeddb world:
 * each step completes in order, and only once the world has reached its state. The phone's part
 * (enrollment, Autosend Passcode, push, sign-in) runs through the phone's store commands.
 */
import { describe, expect, it } from 'vitest';
import { DAY } from '$lib/domain/clock';
import {
	changeStopDateCommand,
	provisionCommand,
	removeFromTaskCommand,
	resendEmailCommand
} from '$lib/store/provisioning-commands';
import { operateTokenCommand } from '$lib/store/token-commands';
import { markMailReadCommand, moveClock } from '$lib/store/view-commands';
import {
	answerPushCommand,
	enrollCommand,
	installAppCommand,
	requestPushCommand,
	setAutosendCommand,
	signInCommand
} from '$lib/store/phone-commands';
import { simulatedNow } from '$lib/store/execute';
import { doItForMe, readRun, startingWorld } from '$lib/store/training';
import { currentIndex } from './engine';
import { loadAllScenarios } from './catalog';
import {
	approvePush,
	enrollPlus,
	ids,
	mp8SerialOf,
	plusAppTokenId,
	setup,
	signInWithCode,
	startMigration,
	viewOf
} from '$lib/store/scenario-test-kit';

describe('built-in scenarios', () => {
	it('all load and validate', async () => {
		const all = await loadAllScenarios();
		expect(all.map((s) => s.id)).toEqual([
			'migrate-one-user',
			'no-thanks-autosend',
			'migrate-group',
			'inventory-runs-out',
			'troubleshooting'
		]);
	});

	it('names only users and groups that exist in their starting world', async () => {
		const { referencesIn } = await import('./engine');
		for (const s of await loadAllScenarios()) {
			const world = await startingWorld(s);
			for (const step of s.steps)
				for (const ref of referencesIn(step.instruction + step.hint + step.notes)) {
					const list = ref.kind === 'user' ? world.users : world.groups;
					expect(
						list.some((x) => x.id === ref.id),
						`${s.id}/${step.id}: ${ref.id}`
					).toBe(true);
				}
		}
	});

	it('1. migrate one user: each step completes in order', async () => {
		const { scenario, db, progress } = await setup('migrate-one-user');
		expect(await progress()).toEqual([]);
		// The upgraded account sends iOS users to MobilePASS 8: MobilePASS+ is refused.
		expect((await provisionCommand(db, 'acme', ['acme-u1'])).ok).toBe(true);
		await installAppCommand(db, 'phone-acme-u1', 'mobilePassPlus');
		const refused = await enrollCommand(db, {
			phoneId: 'phone-acme-u1',
			app: 'MobilePASS+',
			allowPush: true,
			pin: null,
			code: (await db.enrollments.where('userId').equals('acme-u1').first())!.code
		});
		expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/MobilePASS 8/) });
		expect(await progress()).toEqual([]);
		await startMigration(db);
		expect(await progress()).toEqual(ids(scenario, 2));
		// Revoking first does not count: steps complete in order.
		const old = await mp8SerialOf(db, 'acme-u1');
		const mail = (await db.mail.where('userId').equals('acme-u1').toArray())[0];
		await markMailReadCommand(db, mail.id);
		expect(await progress()).toEqual(ids(scenario, 3));
		const serial = await enrollPlus(db, 'acme-u1', 'Allow');
		expect(await progress()).toEqual(ids(scenario, 4));
		expect((await operateTokenCommand(db, old, 'revokeToInventory')).ok).toBe(true);
		expect(await progress()).toEqual(ids(scenario, 5));
		const request = await approvePush(db, 'acme-u1', 'acme-app1');
		expect(request).toMatchObject({ serial, status: 'Approved' });
		expect(await progress()).toEqual(ids(scenario, 6));
		expect((await readRun(db, scenario.id))!.finishedAt).not.toBeNull();
	});

	it('1. signing in with the code MobilePASS+ shows completes the sign-in step too', async () => {
		const { scenario, db, progress } = await setup('migrate-one-user');
		await startMigration(db);
		await provisionCommand(db, 'acme', ['acme-u1']);
		await markMailReadCommand(db, (await db.mail.where('userId').equals('acme-u1').first())!.id);
		const serial = await enrollPlus(db, 'acme-u1', 'No Thanks');
		await operateTokenCommand(db, await mp8SerialOf(db, 'acme-u1'), 'revokeToInventory');
		expect(await progress()).toEqual(ids(scenario, 5));
		// A wrong code is not a sign-in.
		expect((await signInCommand(db, 'acme-app4', 'dwang', '000000')).ok).toBe(false);
		expect(await progress()).toEqual(ids(scenario, 5));
		expect((await signInWithCode(db, 'acme-u1', 'acme-app4')).ok).toBe(true);
		const token = (await db.tokens.get(serial))!;
		expect(token.lastUsedAt).toBeGreaterThanOrEqual(token.enrolledAt!);
		expect(await progress()).toEqual(ids(scenario, 6));
	});

	it('1. a Lost/Faulty revoke is not a return to inventory', async () => {
		const { db, progress } = await setup('migrate-one-user');
		await startMigration(db);
		await provisionCommand(db, 'acme', ['acme-u1']);
		await markMailReadCommand(db, (await db.mail.where('userId').equals('acme-u1').first())!.id);
		await enrollPlus(db, 'acme-u1', 'Allow');
		await operateTokenCommand(db, await mp8SerialOf(db, 'acme-u1'), 'revokeLostFaulty');
		expect(await progress()).toHaveLength(4);
	});

	it('2. No Thanks, then Autosend Passcode: the console keeps Disabled', async () => {
		const { scenario, db, progress } = await setup('no-thanks-autosend');
		await provisionCommand(db, 'acme', ['acme-u4']);
		expect(await progress()).toEqual(ids(scenario, 1));
		// Allow would not complete "No Thanks".
		const serial = await enrollPlus(db, 'acme-u4', 'No Thanks');
		expect(await progress()).toEqual(ids(scenario, 2));
		// No Thanks: push is not offered until Autosend Passcode is on.
		const early = await requestPushCommand(db, 'acme-app2', 'udemir', 'Test');
		expect(early).toMatchObject({ ok: false, reason: expect.stringMatching(/Autosend Passcode/) });
		expect(await progress()).toEqual(ids(scenario, 2));
		expect((await setAutosendCommand(db, await plusAppTokenId(db, 'acme-u4'), true)).ok).toBe(true);
		expect(await progress()).toEqual(ids(scenario, 3));
		expect((await db.tokens.get(serial))!.pushOtp).toBe('Disabled');
		// A denied request does not complete the push step.
		const denied = await requestPushCommand(db, 'acme-app2', 'udemir', 'Test');
		await answerPushCommand(db, denied.requestId, 'deny');
		expect(await progress()).toEqual(ids(scenario, 3));
		await approvePush(db, 'acme-u4', 'acme-app2');
		expect(await progress()).toEqual(ids(scenario, 4));
		await operateTokenCommand(db, await mp8SerialOf(db, 'acme-u4'), 'revokeToInventory');
		expect(await progress()).toEqual(ids(scenario, 5));
	});

	it('2. enrolling with Allow does not complete the No Thanks step', async () => {
		const { db, progress } = await setup('no-thanks-autosend');
		await provisionCommand(db, 'acme', ['acme-u4']);
		await enrollPlus(db, 'acme-u4', 'Allow');
		expect(await progress()).toHaveLength(1);
	});

	it('3. migrate a group: progress counts users until all are done', async () => {
		const { scenario, db, progress } = await setup('migrate-group');
		const members = (await db.users.where('groupIds').equals('acme-g2').toArray()).map((u) => u.id);
		expect(members).toHaveLength(8);
		await provisionCommand(db, 'acme', members.slice(0, 4));
		expect(await progress()).toEqual([]);
		expect(scenario.steps[0].progress!(await viewOf(db, scenario))).toEqual({ done: 4, total: 8 });
		expect((await doItForMe(db, scenario, 0)).ok).toBe(true);
		expect(await progress()).toEqual(ids(scenario, 1));
		for (const id of members.slice(0, 7)) await enrollPlus(db, id, 'Allow');
		expect(await progress()).toEqual(ids(scenario, 1));
		await enrollPlus(db, members[7], 'No Thanks');
		expect(await progress()).toEqual(ids(scenario, 2));
		expect((await doItForMe(db, scenario, 2)).ok).toBe(true);
		expect(await progress()).toEqual(ids(scenario, 3));
		const left = await db.tokens.where('userId').anyOf(members).toArray();
		expect(left.every((t) => t.app === 'MobilePASS+')).toBe(true);
	});

	it('4. the inventory runs out, and the revoked tokens are reused', async () => {
		const { scenario, db, progress } = await setup('inventory-runs-out');
		const batch1 = ['acme-u1', 'acme-u4', 'acme-u10'];
		const batch2 = ['acme-u2', 'acme-u5', 'acme-u8'];
		expect(await db.tokens.where('[serverId+state]').equals(['acme', 'Inventory']).count()).toBe(3);
		await provisionCommand(db, 'acme', batch1);
		expect(await progress()).toEqual(ids(scenario, 1));
		for (const id of batch1) await enrollPlus(db, id, 'Allow');
		expect(await progress()).toEqual(ids(scenario, 2));
		const refusedResult = await provisionCommand(db, 'acme', batch2);
		expect(refusedResult.ok).toBe(false);
		expect(await progress()).toEqual(ids(scenario, 3));
		const old = await Promise.all(batch1.map((id) => mp8SerialOf(db, id)));
		for (const s of old) await operateTokenCommand(db, s, 'revokeToInventory');
		expect(await progress()).toEqual(ids(scenario, 4));
		await provisionCommand(db, 'acme', batch2);
		expect(await progress()).toEqual(ids(scenario, 5));
		const serials = (await db.enrollments.where('userId').anyOf(batch2).toArray()).map(
			(e) => e.serial
		);
		expect(serials.sort()).toEqual([...old].sort());
	});

	it('5. troubleshooting: expired link, locked token, old phone, Not Applicable', async () => {
		const { scenario, db, progress } = await setup('troubleshooting');
		expect(await progress()).toEqual([]);
		const e = (await db.enrollments.where('userId').equals('acme-u6').first())!;
		// Resend is refused while the link is expired.
		expect((await resendEmailCommand(db, 'acme', e.id)).ok).toBe(false);
		const now = await simulatedNow(db);
		expect((await changeStopDateCommand(db, 'acme', e.taskId, now + 3 * DAY)).ok).toBe(true);
		// A later stop date alone is not enough: the user's email still has the old link date.
		expect(await progress()).toEqual([]);
		expect((await resendEmailCommand(db, 'acme', e.id)).ok).toBe(true);
		expect(await progress()).toEqual(ids(scenario, 1));
		const locked = (await db.tokens.where('userId').equals('acme-u10').first())!;
		expect(locked.state).toBe('Locked');
		await operateTokenCommand(db, locked.serial, 'unlock');
		expect(await progress()).toEqual(ids(scenario, 2));
		const pending = (await db.enrollments.where('userId').equals('acme-u7').first())!;
		await removeFromTaskCommand(db, 'acme', pending.id);
		expect(await progress()).toEqual(ids(scenario, 3));
		await provisionCommand(db, 'acme', ['acme-u9']);
		expect(await progress()).toEqual(ids(scenario, 4));
		await enrollPlus(db, 'acme-u9', 'Allow');
		expect(await progress()).toEqual(ids(scenario, 5));
	});

	it('5. the expired link can also be fixed by letting time pass and provisioning again', async () => {
		const { scenario, db, progress } = await setup('troubleshooting');
		const e = (await db.enrollments.where('userId').equals('acme-u6').first())!;
		await removeFromTaskCommand(db, 'acme', e.id);
		await moveClock(db, { kind: 'advance', ms: DAY });
		await provisionCommand(db, 'acme', ['acme-u6']);
		expect(await progress()).toEqual(ids(scenario, 1));
	});

	it('"Do it for me" completes every step that has one', async () => {
		for (const s of await loadAllScenarios()) {
			const { db, progress } = await setup(s.id);
			for (let i = 0; i < s.steps.length; i++) {
				const step = s.steps[i];
				expect(step.doItForMe, `${s.id}/${step.id} has Do it for me`).toBeDefined();
				const result = await doItForMe(db, s, i);
				// This step is about the refusal itself: "Do it for me" shows it.
				if (step.id !== 'batch-2-refused')
					expect(result.ok, `${s.id}/${step.id}: ${JSON.stringify(result)}`).toBe(true);
				const done = await progress();
				expect(done, `${s.id}/${step.id}`).toEqual(ids(s, i + 1));
				expect(currentIndex(s, await readRun(db, s.id))).toBe(i + 1);
			}
		}
	});
});
