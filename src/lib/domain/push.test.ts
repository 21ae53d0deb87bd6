import { describe, expect, it } from 'vitest';
import { answerPush, requestPush, type PushInput } from './push';
import { PUSH_TIMEOUT, pushStatus } from './push-status';
import { fixture } from './test-fixtures';
import type { AppToken, PushRequest, Token, VirtualServer } from './types';

function world() {
	const f = fixture();
	const token: Token = { ...f.token, state: 'Active', app: 'MobilePASS+', failedCount: 2 };
	const appToken: AppToken = {
		id: 'a',
		phoneId: f.phone.id,
		app: 'MobilePASS+',
		serial: token.serial,
		secret: token.secret!,
		digits: 6,
		period: 30,
		label: '',
		enrolledAt: 0,
		autosend: true,
		pin: null
	};
	const pushInput: PushInput = {
		id: 'r1',
		application: f.pushApp,
		user: f.user,
		typedUserName: 'ang',
		tokens: [token],
		appTokens: [appToken],
		location: 'Amsterdam, Netherlands',
		at: f.at
	};
	return {
		...f,
		token,
		appToken,
		pushInput,
		devices: { phones: [f.phone], appTokens: [appToken] }
	};
}

function pending(): PushRequest {
	const w = world();
	const o = requestPush(w.pushInput);
	if (!o.ok || !('put' in o.changes[0])) throw new Error('expected a request');
	return o.changes[0].put as PushRequest;
}

describe('push requests', () => {
	it('a request is Pending for 60 simulated seconds, then reads Expired', () => {
		const w = world();
		const r = pending();
		expect(r).toMatchObject({
			status: 'Pending',
			serial: w.token.serial,
			expiresAt: w.at + PUSH_TIMEOUT
		});
		expect(pushStatus(r, w.at + PUSH_TIMEOUT)).toBe('Pending');
		expect(pushStatus(r, w.at + PUSH_TIMEOUT + 1)).toBe('Expired');
	});

	it('is refused where push is not offered', () => {
		const w = world();
		const o = requestPush({ ...w.pushInput, application: w.legacyApp });
		expect(!o.ok && o.reason).toMatch(/does not support Push OTP/);
	});

	it('Approve signs in: request Approved, token used, failed count reset, two audit rows', () => {
		const w = world();
		const o = answerPush(pending(), w.token, w.user, w.pushApp, 'approve', w.at + 5000, w.devices);
		expect(o.ok && o.changes.map((c) => ('put' in c ? c.put : null))).toMatchObject([
			{ status: 'Approved' },
			{ lastUsedAt: w.at + 5000, failedCount: 0 }
		]);
		expect(o.ok && o.audit.map((a) => a.action)).toEqual(['Push OTP approved', 'Sign in']);
	});

	it('Deny, and Deny with Yes, Report', () => {
		const w = world();
		const d = answerPush(pending(), w.token, w.user, w.pushApp, 'deny', w.at, w.devices);
		expect(d.ok && d.changes[0]).toMatchObject({ put: { status: 'Denied' } });
		const r = answerPush(pending(), w.token, w.user, w.pushApp, 'report', w.at, w.devices);
		expect(r.ok && r.changes[0]).toMatchObject({ put: { status: 'Reported' } });
		expect(r.ok && r.audit[0]).toMatchObject({ action: 'Push OTP denied', actor: 'ang' });
	});

	it('refuses an expired, an answered request, and approval with a suspended token', () => {
		const w = world();
		const late = answerPush(
			pending(),
			w.token,
			w.user,
			w.pushApp,
			'approve',
			w.at + PUSH_TIMEOUT + 1,
			w.devices
		);
		expect(late.ok && late.refusal).toMatch(/expired/);
		expect(late.ok && late.changes[0]).toMatchObject({ put: { status: 'Expired' } });
		const answered = answerPush(
			{ ...pending(), status: 'Approved' },
			w.token,
			w.user,
			w.pushApp,
			'deny',
			w.at,
			w.devices
		);
		expect(!answered.ok && answered.reason).toMatch(/already answered \(Approved\)/);
		const suspended = answerPush(
			pending(),
			{ ...w.token, state: 'Suspended' },
			w.user,
			w.pushApp,
			'approve',
			w.at,
			w.devices
		);
		expect(!suspended.ok && suspended.reason).toMatch(/Suspended/);
	});

	it('push must be on for the target in the Software Token & Push OTP Settings, also at approval', () => {
		const w = world();
		const settings = w.server.softwareTokens!;
		const off = {
			...w.server,
			softwareTokens: { ...settings, iOS: { ...settings.iOS, push: false } }
		};
		const sent = requestPush({ ...w.pushInput, server: off, phones: [w.phone] });
		expect(!sent.ok && sent.reason).toMatch(/Push OTP is off for iOS/);
		const ok = requestPush({ ...w.pushInput, server: w.server, phones: [w.phone] });
		expect(ok.ok).toBe(true);
		const approveUnder = (server: VirtualServer) =>
			answerPush(pending(), w.token, w.user, w.pushApp, 'approve', w.at, w.devices, [], server);
		// The operator turned push off while the request was waiting.
		const late = approveUnder(off);
		expect(!late.ok && late.reason).toMatch(/Push OTP is off for iOS/);
		const fine = approveUnder(w.server);
		expect(fine.ok && !fine.refusal).toBe(true);
	});

	it('is checked at the moment of approval: MobilePASS+ must still hold the token', () => {
		const w = world();
		const removed = {
			phones: [{ ...w.phone, installed: { mobilePass8: false, mobilePassPlus: false } }],
			appTokens: []
		};
		const o = answerPush(pending(), w.token, w.user, w.pushApp, 'approve', w.at, removed);
		expect(!o.ok && o.reason).toMatch(/MobilePASS\+ no longer holds token/);
		const stale = { ...w.devices, appTokens: [{ ...w.appToken, secret: 'OLDSECRET' }] };
		expect(answerPush(pending(), w.token, w.user, w.pushApp, 'approve', w.at, stale).ok).toBe(
			false
		);
	});
});
