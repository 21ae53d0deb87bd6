import { describe, expect, it } from 'vitest';
import { totpCode } from '$lib/domain/otp';
import { provisionCommand } from './commands';
import { simulatedNow } from './execute';
import {
	answerPushCommand,
	enrollCommand,
	requestPushCommand,
	setAutosendCommand,
	signInCommand
} from './phone-commands';
import { testDb } from './test-db';

/** A user without a token, provisioned, with the enrollment email's link code. */
async function provisioned() {
	const db = await testDb();
	const user = (await db.users.get('acme-u15'))!;
	expect((await provisionCommand(db, 'acme', [user.id])).ok).toBe(true);
	const enrollment = (await db.enrollments.where('userId').equals(user.id).first())!;
	const phone = (await db.phones.where('ownerId').equals(user.id).first())!;
	await db.phones.put({ ...phone, installed: { mobilePass8: false, mobilePassPlus: true } });
	return { db, user, enrollment, phone };
}

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
		const code = totpCode(appToken, await simulatedNow(db));
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
		await enrollCommand(db, {
			phoneId: phone.id,
			app: 'MobilePASS+',
			allowPush: false,
			pin: null,
			code: enrollment.code
		});
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
});
