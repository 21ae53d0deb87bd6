import { describe, expect, it } from 'vitest';
import { answerPush } from './push';
import { signInWithCode } from './authentication';
import { DAY } from './clock';
import type { Change } from './outcome';
import { totpCode } from './otp';
import {
	completedBySignIn,
	enrollmentStatus,
	inventoryShortage,
	provision,
	statusLabel,
	taskCompleted
} from './provisioning';
import { resendEmail } from './task-edit';
import { fixture, signInInput } from './test-fixtures';
import type { Enrollment, PushRequest, TableName, Token } from './types';

const rows = (o: { ok: boolean; changes?: Change[] }, table: TableName) =>
	(o.changes ?? []).flatMap((c) => (c.table === table && 'put' in c ? [c.put] : []));

describe('provisioning task status (thalesdocs: Completed = enrolled and used to authenticate)', () => {
	it('an enrolled user is still shown Active until the first sign-in', () => {
		const f = fixture();
		const enrolled: Enrollment = { ...f.enrollment, status: 'Enrolled' };
		expect(enrollmentStatus(enrolled, f.task, f.at)).toBe('Enrolled');
		expect(statusLabel('Enrolled')).toBe('Active');
		// Enrolled never expires: the user did enroll before the stop date.
		expect(enrollmentStatus(enrolled, f.task, f.task.stopDate + DAY)).toBe('Enrolled');
		expect(enrollmentStatus(f.enrollment, f.task, f.task.stopDate + DAY)).toBe('Expired');
	});

	it('the first sign-in with a typed passcode completes the line; later ones change nothing more', () => {
		const f = fixture();
		const token: Token = { ...f.token, state: 'Active', app: 'MobilePASS+' };
		const enrolled: Enrollment = { ...f.enrollment, status: 'Enrolled' };
		const code = totpCode({ secret: token.secret!, digits: 6, period: 30 }, f.at);
		const base = signInInput(token, code);
		const first = signInWithCode({ ...base, enrollments: [enrolled] });
		expect(rows(first, 'enrollments')).toEqual([{ ...enrolled, status: 'Completed' }]);
		expect(first.ok && first.audit).toHaveLength(1);
		const again = signInWithCode({ ...base, enrollments: [{ ...enrolled, status: 'Completed' }] });
		expect(rows(again, 'enrollments')).toEqual([]);
		// A wrong code completes nothing.
		const wrong = signInWithCode({ ...base, code: '000000', enrollments: [enrolled] });
		expect(rows(wrong, 'enrollments')).toEqual([]);
	});

	it('an approved push completes the line; a denied one does not', () => {
		const f = fixture();
		const token: Token = { ...f.token, state: 'Active', app: 'MobilePASS+' };
		const enrolled: Enrollment = { ...f.enrollment, status: 'Enrolled' };
		const request: PushRequest = {
			id: 'r1',
			serverId: 'acme',
			userId: f.user.id,
			serial: token.serial,
			applicationId: f.pushApp.id,
			location: 'Paris',
			createdAt: f.at,
			expiresAt: f.at + 60_000,
			status: 'Pending'
		};
		// MobilePASS+ holds the token on the user's phone (push.ts checks it at the answer).
		const card = {
			id: 'c',
			phoneId: f.phone.id,
			app: 'MobilePASS+' as const,
			serial: token.serial,
			secret: token.secret!,
			digits: 6 as const,
			period: 30,
			label: '',
			enrolledAt: f.at,
			autosend: true,
			pin: null
		};
		const devices = { phones: [f.phone], appTokens: [card] };
		const approve = answerPush(request, token, f.user, f.pushApp, 'approve', f.at, devices, [
			enrolled
		]);
		expect(rows(approve, 'enrollments')).toEqual([{ ...enrolled, status: 'Completed' }]);
		const deny = answerPush(request, token, f.user, f.pushApp, 'deny', f.at, devices, [enrolled]);
		expect(rows(deny, 'enrollments')).toEqual([]);
		expect(completedBySignIn([f.enrollment], token.serial)).toEqual([]);
	});

	it('a task leaves Provisioning Task Management once every (not removed) user has enrolled', () => {
		expect(taskCompleted([{ status: 'Enrolled' }, { status: 'Completed' }])).toBe(true);
		expect(taskCompleted([{ status: 'Completed' }, { status: 'Removed' }])).toBe(true);
		expect(taskCompleted([{ status: 'Completed' }, { status: 'Active' }])).toBe(false);
		expect(taskCompleted([{ status: 'Completed' }, { status: 'Expired' }])).toBe(false);
		expect(taskCompleted([{ status: 'Removed' }])).toBe(false);
	});
});

describe('provisioning a user whose enrollment has Expired', () => {
	const expiredWorld = () => {
		const f = fixture();
		const at = f.task.stopDate + DAY;
		const inventory: Token = {
			...f.token,
			serial: '5555555555',
			state: 'Inventory',
			userId: null,
			secret: null
		};
		return { f, at, inventory };
	};
	/** Provision the fixture's user again while their line is open (Expired or not). */
	const again = (f: ReturnType<typeof fixture>, at: number, inventory: Token[]) =>
		provision({
			server: f.server,
			users: [f.user],
			inventory,
			openEnrollments: [f.enrollment],
			openTasks: [f.task],
			openTokens: [f.token],
			lastTaskNumber: 1,
			at
		});

	it('is provisioned again directly: the old line stays Expired, its token returns to Inventory', () => {
		const { f, at, inventory } = expiredWorld();
		const o = again(f, at, [inventory]);
		expect(o.ok).toBe(true);
		const enrollments = rows(o, 'enrollments') as Enrollment[];
		expect(enrollments[0]).toMatchObject({ id: f.enrollment.id, status: 'Expired' });
		expect(enrollments[1]).toMatchObject({ userId: f.user.id, status: 'Active' });
		const tokens = rows(o, 'tokens') as Token[];
		expect(tokens[0]).toMatchObject({ serial: f.token.serial, state: 'Inventory', userId: null });
		expect(tokens[1]).toMatchObject({ serial: inventory.serial, state: 'Assigned' });
		expect(rows(o, 'mail')).toHaveLength(1);
	});

	it('with an empty inventory, gets the token freed from their expired line', () => {
		const { f, at } = expiredWorld();
		const o = again(f, at, []);
		expect(o.ok).toBe(true);
		const tokens = rows(o, 'tokens') as Token[];
		expect(tokens.at(-1)).toMatchObject({ serial: f.token.serial, state: 'Assigned' });
		expect(tokens.at(-1)!.secret).not.toBe(f.token.secret);
	});

	it('a user still within the stop date is refused, with advice that is itself allowed', () => {
		const f = fixture();
		const o = again(f, f.at, []);
		expect(o.ok).toBe(false);
		if (!o.ok) expect(o.reason).toMatch(/Already waiting to enroll: ang\. Resend/);
		// Resend, the advice, is accepted for that user.
		expect(resendEmail(f.server, f.enrollment, f.task, f.user, f.at).ok).toBe(true);
	});

	it('resending to an Expired user says to provision them again', () => {
		const { f, at } = expiredWorld();
		const o = resendEmail(f.server, f.enrollment, f.task, f.user, at);
		expect(o.ok).toBe(false);
		if (!o.ok) expect(o.reason).toMatch(/Provision ang again/);
	});
});

describe('inventory shortage: one message for the Provision dialog and the refusal', () => {
	it('is null with enough tokens and counts the missing ones otherwise', () => {
		expect(inventoryShortage(3, 3)).toBeNull();
		expect(inventoryShortage(18, 15)).toMatch(
			/^Not enough MobilePASS tokens in Inventory: 18 needed, 15 available, 3 missing\. Revoke/
		);
	});

	it('is the reason provision() refuses with', () => {
		const f = fixture();
		const users = [f.user, { ...f.user, id: 'acme-u2', userId: 'bob' }];
		const out = provision({
			server: f.server,
			users,
			inventory: [{ ...f.token, state: 'Inventory', userId: null }],
			openEnrollments: [],
			lastTaskNumber: 0,
			at: f.at
		});
		expect(out.ok).toBe(false);
		expect(!out.ok && out.reason).toBe(inventoryShortage(2, 1));
	});
});
