import { describe, expect, it } from 'vitest';
import { DAY } from './clock';
import { deadLink, enroll, MAX_ENROLLMENT_ATTEMPTS, type EnrollInput } from './enrollment';
import { fixture } from './test-fixtures';
import type { Phone } from './types';

function input(over: Partial<EnrollInput> = {}): EnrollInput {
	const f = fixture();
	return { ...f, app: 'MobilePASS+', allowPush: true, pin: null, ...over };
}

const rows = (o: ReturnType<typeof enroll>, table: string) =>
	o.ok
		? o.changes
				.filter((c) => c.table === table && 'put' in c)
				.map((c) => ('put' in c ? c.put : null))
		: [];

describe('enroll', () => {
	it('Allow: token Active with Target, Device Type, Push OTP Enabled; task line Enrolled; app holds the token', () => {
		const i = input();
		const o = enroll(i);
		expect(o.ok && !o.refusal).toBe(true);
		expect(rows(o, 'tokens')[0]).toMatchObject({
			state: 'Active',
			app: 'MobilePASS+',
			target: 'iOS',
			deviceType: 'Mobile',
			pushOtp: 'Enabled',
			enrolledAt: i.at
		});
		// Completed needs a first sign-in too (provisioning.test.ts).
		expect(rows(o, 'enrollments')[0]).toMatchObject({ status: 'Enrolled' });
		expect(rows(o, 'appTokens')[0]).toMatchObject({
			phoneId: i.phone.id,
			serial: i.token!.serial,
			secret: i.token!.secret,
			autosend: true
		});
		expect(o.ok && o.audit[0]).toMatchObject({ action: 'Enroll', actor: 'ang', user: 'ang' });
	});

	it('No Thanks records Disabled; MobilePASS 8 records Not Applicable', () => {
		expect(rows(enroll(input({ allowPush: false })), 'tokens')[0]).toMatchObject({
			pushOtp: 'Disabled'
		});
		const f = fixture();
		const mp8Phone: Phone = { ...f.phone, installed: { mobilePass8: true, mobilePassPlus: false } };
		const o = enroll(input({ app: 'MobilePASS 8', phone: mp8Phone, pin: '4321' }));
		expect(rows(o, 'tokens')[0]).toMatchObject({ pushOtp: 'Not Applicable', app: 'MobilePASS 8' });
		expect(rows(o, 'appTokens')[0]).toMatchObject({ autosend: false, pin: '4321' });
	});

	it('a device that cannot receive push records Disabled even when the user allowed it', () => {
		const f = fixture();
		const windows: Phone = {
			...f.phone,
			os: 'Windows',
			osVersion: '10',
			model: 'Surface',
			formFactor: 'Desktop'
		};
		expect(rows(enroll(input({ phone: windows })), 'tokens')[0]).toMatchObject({
			pushOtp: 'Disabled'
		});
	});

	it('refuses an expired, removed, completed or locked link, naming which', () => {
		const f = fixture();
		const expired = enroll(input({ at: f.task.stopDate + DAY }));
		expect(!expired.ok && expired.reason).toMatch(/expired/);
		for (const [status, word] of [
			['Removed', 'cancelled'],
			['Completed', 'already been used'],
			['Locked', 'locked']
		] as const) {
			const o = enroll(input({ enrollment: { ...f.enrollment, status } }));
			expect(!o.ok && o.reason).toMatch(word);
		}
		expect(deadLink(undefined, undefined, f.at)?.status).toBe('Unknown');
		expect(deadLink(f.enrollment, f.task, f.at)).toBeNull();
	});

	it('refuses an incompatible device and an app that is not installed', () => {
		const f = fixture();
		const old: Phone = { ...f.phone, os: 'Android', osVersion: '7.0' };
		const o = enroll(input({ phone: old }));
		expect(!o.ok && o.reason).toMatch(/not compatible.*Android 8 or later/);
		const none: Phone = { ...f.phone, installed: { mobilePass8: false, mobilePassPlus: false } };
		const n = enroll(input({ phone: none }));
		expect(!n.ok && n.reason).toMatch(/MobilePASS\+ is not installed/);
	});

	it("refuses someone else's enrollment and a missing PIN where the policy wants one", () => {
		const f = fixture();
		const other = enroll(input({ phone: { ...f.phone, ownerId: 'someone' } }));
		expect(other.ok).toBe(false);
		const server = { ...f.server, pinPolicy: 'Token PIN' as const };
		expect(enroll(input({ server, pin: '12' })).ok).toBe(false);
		expect(enroll(input({ server, pin: '1234' })).ok).toBe(true);
	});

	it('a wrong activation string counts, and the fifth locks the enrollment', () => {
		const f = fixture();
		const right = enroll(input({ activationString: '1234 5678 9012 3456' }));
		expect(right.ok && !right.refusal).toBe(true);
		const wrong = enroll(input({ activationString: '0000-0000-0000-0000' }));
		expect(wrong.ok && wrong.refusal).toMatch(/1 of 5/);
		expect(rows(wrong, 'enrollments')[0]).toMatchObject({ failedAttempts: 1, status: 'Active' });
		expect(rows(wrong, 'tokens')).toEqual([]);
		const last = enroll(
			input({
				activationString: '0',
				enrollment: { ...f.enrollment, failedAttempts: MAX_ENROLLMENT_ATTEMPTS - 1 }
			})
		);
		expect(last.ok && last.refusal).toMatch(/Locked/);
		expect(rows(last, 'enrollments')[0]).toMatchObject({ status: 'Locked' });
		expect(last.ok && last.audit[0].outcome).toBe('Refused');
	});

	it('refuses a token that is no longer Assigned', () => {
		const f = fixture();
		const o = enroll(input({ token: { ...f.token, state: 'Inventory' } }));
		expect(!o.ok && o.reason).toMatch(/Enroll is not allowed: Token 1234567890 is Inventory/);
	});
});
