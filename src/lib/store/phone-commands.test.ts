import { describe, expect, it } from 'vitest';
import { totpCode } from '$lib/domain/otp';
import { DAY } from '$lib/domain/clock';
import { provisionCommand } from './provisioning-commands';
import { moveClock } from './view-commands';
import { changeTargetSettingCommand } from './policy-commands';
import { realNow } from './execute';
import {
	answerPushCommand,
	enrollCommand,
	requestPushCommand,
	setAutosendCommand,
	signInCommand,
	unlockTokenCommand
} from './phone-commands';
import { startMigration } from './scenario-test-kit';
import { testDb } from './test-db';
import type { SandboxDB } from './db';

/** A user without a token, provisioned, with the enrollment email's link code. */
async function provisioned() {
	const db = await testDb();
	const user = (await db.users.get('acme-u15'))!;
	expect((await provisionCommand(db, 'acme', [user.id])).ok).toBe(true);
	const enrollment = (await db.enrollments.where('userId').equals(user.id).first())!;
	const phone = (await db.phones.where('ownerId').equals(user.id).first())!;
	await db.phones.put({ ...phone, installed: { mobilePass8: false, mobilePassPlus: true } });
	// This world's mobiles enroll in MobilePASS+, with push.
	await startMigration(db, ['iOS', 'Android', 'Windows 10']);
	return { db, user, enrollment, phone };
}

/** MobilePASS+ enrollment by the link, answering No Thanks to push. */
const enrollWithoutPush = (db: SandboxDB, phoneId: string, code: string) =>
	enrollCommand(db, { phoneId, app: 'MobilePASS+', allowPush: false, pin: null, code });

describe('phone commands', () => {
	it('enrolls from the link, then signs in with the code the app holds', async () => {
		const { db, user, enrollment, phone } = await provisioned();
		const r = await enrollCommand(db, {
			phoneId: phone.id,
			app: 'MobilePASS+',
			allowPush: false,
			pin: null,
			code: enrollment.code
		});
		expect(r).toMatchObject({ ok: true });
		const token = (await db.tokens.get(enrollment.serial))!;
		expect(token).toMatchObject({
			state: 'Active',
			pushOtp: 'Disabled',
			deviceType: phone.formFactor
		});
		// Enrolled, not yet Completed: that takes a first sign-in (one transaction with it).
		expect(await db.enrollments.get(enrollment.id)).toMatchObject({ status: 'Enrolled' });
		const appToken = (await db.appTokens.where('phoneId').equals(phone.id).first())!;
		const code = totpCode(appToken, realNow());
		expect(await signInCommand(db, 'acme-app4', user.userId, code)).toMatchObject({ ok: true });
		expect((await db.tokens.get(token.serial))!.lastUsedAt).not.toBeNull();
		expect(await db.enrollments.get(enrollment.id)).toMatchObject({ status: 'Completed' });
		const again = await enrollCommand(db, {
			phoneId: phone.id,
			app: 'MobilePASS+',
			allowPush: true,
			pin: null,
			code: enrollment.code
		});
		expect(again).toMatchObject({ ok: false, reason: expect.stringMatching(/already been used/) });
	});

	it('Autosend Passcode on later: push works, the console still says Disabled', async () => {
		const { db, user, enrollment, phone } = await provisioned();
		await enrollWithoutPush(db, phone.id, enrollment.code);
		const before = await requestPushCommand(db, 'acme-app1', user.userId, 'Lyon');
		expect(before).toMatchObject({ ok: false, reason: expect.stringMatching(/Autosend/) });
		const appToken = (await db.appTokens.where('phoneId').equals(phone.id).first())!;
		expect((await setAutosendCommand(db, appToken.id, true)).ok).toBe(true);
		const push = await requestPushCommand(db, 'acme-app1', user.userId, 'Lyon');
		expect(push.ok).toBe(true);
		expect(await answerPushCommand(db, push.requestId, 'approve')).toMatchObject({ ok: true });
		expect(await db.pushRequests.get(push.requestId)).toMatchObject({ status: 'Approved' });
		expect(await db.tokens.get(enrollment.serial)).toMatchObject({ pushOtp: 'Disabled' });
		const actions = (await db.audit.toArray()).map((a) => [a.action, a.outcome, a.operator]);
		expect(actions).toContainEqual(['Push OTP approved', 'Success', user.userId]);
	});

	it('wrong activation strings are counted in the enrollment, which locks at the fifth', async () => {
		const { db, enrollment, phone } = await provisioned();
		for (let i = 1; i <= 5; i++) {
			const r = await enrollCommand(db, {
				phoneId: phone.id,
				app: 'MobilePASS+',
				allowPush: true,
				pin: null,
				activationString: '9999'
			});
			expect(r.ok).toBe(false);
		}
		expect(await db.enrollments.get(enrollment.id)).toMatchObject({
			failedAttempts: 5,
			status: 'Locked'
		});
		const audit = await db.audit.where('serverId').equals('acme').toArray();
		expect(audit.filter((a) => a.action === 'Enroll' && a.outcome === 'Refused')).toHaveLength(5);
	});

	it('codes follow the real clock: a day ahead on the simulated clock, the current code signs in', async () => {
		const { db, user, enrollment, phone } = await provisioned();
		await enrollWithoutPush(db, phone.id, enrollment.code);
		expect((await moveClock(db, { kind: 'advance', ms: DAY })).ok).toBe(true);
		const appToken = (await db.appTokens.where('phoneId').equals(phone.id).first())!;
		const code = totpCode(appToken, realNow());
		expect(await signInCommand(db, 'acme-app4', user.userId, code)).toMatchObject({ ok: true });
	});

	it('push off for the target: no push at enrollment, and a policy change is audited', async () => {
		const { db, enrollment, phone } = await provisioned();
		const target = phone.os === 'Windows' ? 'Windows 10' : phone.os;
		const off = await changeTargetSettingCommand(db, 'acme', target, {
			allowed: true,
			app: 'MobilePASS+',
			push: false
		});
		expect(off.ok).toBe(true);
		const refused = await changeTargetSettingCommand(db, 'acme', 'macOS', {
			allowed: true,
			app: 'MobilePASS+',
			push: false
		});
		expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/not available/) });
		const policyRows = (await db.audit.toArray()).filter(
			(a) => a.action === 'Software Token & Push OTP Settings'
		);
		expect(policyRows.map((a) => a.outcome)).toEqual([
			'Success',
			'Success',
			'Success',
			'Success',
			'Refused'
		]);
		await enrollCommand(db, {
			phoneId: phone.id,
			app: 'MobilePASS+',
			allowPush: true,
			pin: null,
			code: enrollment.code
		});
		expect(await db.tokens.get(enrollment.serial)).toMatchObject({ pushOtp: 'Disabled' });
	});

	it('a token PIN: wrong PINs are counted and audited, the fifth means re-enrollment', async () => {
		const { db, enrollment, phone } = await provisioned();
		const server = (await db.servers.get('acme'))!;
		await db.servers.put({ ...server, pinPolicy: 'Token PIN' });
		await enrollCommand(db, {
			phoneId: phone.id,
			app: 'MobilePASS+',
			allowPush: false,
			pin: '2468',
			code: enrollment.code
		});
		const appToken = (await db.appTokens.where('phoneId').equals(phone.id).first())!;
		expect(await unlockTokenCommand(db, appToken.id, { pin: '2468' })).toMatchObject({ ok: true });
		for (let i = 1; i <= 4; i++)
			expect(await unlockTokenCommand(db, appToken.id, { pin: '0000' })).toMatchObject({
				ok: false,
				reason: expect.stringMatching(`Wrong PIN \\(${i} of 5`)
			});
		expect(await unlockTokenCommand(db, appToken.id, { pin: '0000' })).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/must be re-enrolled/)
		});
		expect(await unlockTokenCommand(db, appToken.id, { pin: '2468' })).toMatchObject({
			ok: false,
			reason: expect.stringMatching(/must be re-enrolled/)
		});
		const pinRows = (await db.audit.toArray()).filter((a) => a.action === 'Token PIN');
		expect(pinRows).toHaveLength(6);
	});
});
