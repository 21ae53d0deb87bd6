import { describe, expect, it } from 'vitest';
import { pushOption, signInWithCode } from './authentication';
import { totpCode } from './otp';
import { fixture, signInInput } from './test-fixtures';
import type { AppToken, Token } from './types';

function active(over: Partial<Token> = {}): Token {
	const f = fixture();
	return { ...f.token, state: 'Active', app: 'MobilePASS+', ...over };
}

const input = signInInput;

const codeOf = (t: Token, at: number) =>
	totpCode({ secret: t.secret!, digits: t.digits, period: t.period }, at);

describe('signInWithCode', () => {
	it('checks the code against the wall clock (otpAt), whatever the simulated time says', () => {
		const f = fixture();
		const t = active();
		const real = Date.UTC(2030, 5, 1, 12, 0, 0);
		const days = signInWithCode(input(t, codeOf(t, real), { at: f.at + 86_400_000, otpAt: real }));
		expect(days.ok && !days.refusal).toBe(true);
		const simulated = signInWithCode(
			input(t, codeOf(t, f.at + 86_400_000), { at: f.at + 86_400_000, otpAt: real })
		);
		expect(simulated.ok && simulated.refusal).toMatch(/Wrong passcode/);
	});

	it('accepts the current code and the one either side; success resets failedCount and sets lastUsedAt', () => {
		const f = fixture();
		const t = active({ failedCount: 3 });
		for (const at of [f.at, f.at - 30_000, f.at + 30_000]) {
			const o = signInWithCode(input(t, codeOf(t, at)));
			expect(o.ok && !o.refusal).toBe(true);
			expect(o.ok && o.changes[0]).toMatchObject({ put: { failedCount: 0, lastUsedAt: f.at } });
		}
		const far = signInWithCode(input(t, codeOf(t, f.at + 90_000)));
		expect(far.ok && far.refusal).toMatch(/Wrong passcode/);
	});

	it('a wrong code counts; at the threshold the token locks, with a Token locked audit row', () => {
		const t = active({ failedCount: 3 });
		const fourth = signInWithCode(input(t, '000000'));
		expect(fourth.ok && fourth.refusal).toMatch(/4 of 5/);
		expect(fourth.ok && fourth.changes[0]).toMatchObject({
			put: { failedCount: 4, state: 'Active' }
		});
		const fifth = signInWithCode(input({ ...t, failedCount: 4 }, '000000'));
		expect(fifth.ok && fifth.refusal).toMatch(/now Locked/);
		expect(fifth.ok && fifth.changes[0]).toMatchObject({
			put: { failedCount: 5, state: 'Locked' }
		});
		expect(fifth.ok && fifth.audit.map((a) => [a.action, a.outcome])).toEqual([
			['Sign in', 'Refused'],
			['Token locked', 'Success']
		]);
	});

	it('refuses suspended, locked, revoked and not-yet-enrolled tokens with the reason, counting nothing', () => {
		for (const [state, word] of [
			['Suspended', 'Suspended'],
			['Locked', 'Locked'],
			['Assigned', 'not enrolled yet']
		] as const) {
			const t = active({ state });
			const o = signInWithCode(input(t, codeOf(t, fixture().at)));
			expect(!o.ok && o.reason).toMatch(word);
		}
		const revoked = signInWithCode(input(active({ userId: null }), '123456'));
		expect(!revoked.ok && revoked.reason).toMatch(/no MobilePASS token/);
		const unknown = signInWithCode(
			input(active(), '123456', { user: undefined, typedUserName: 'x' })
		);
		expect(!unknown.ok && unknown.reason).toMatch(/no user "x"/);
	});
});

describe('pushOption', () => {
	const appToken = (t: Token, autosend: boolean): AppToken => ({
		id: 'a',
		phoneId: 'p',
		app: 'MobilePASS+',
		serial: t.serial,
		secret: t.secret!,
		digits: 6,
		period: 30,
		label: '',
		enrolledAt: 0,
		autosend,
		pin: null
	});

	it('is offered for a push-capable app, an Active MobilePASS+ token and Autosend Passcode on', () => {
		const f = fixture();
		const t = active();
		expect(pushOption(f.pushApp, f.user, [t], [appToken(t, true)]).ok).toBe(true);
	});

	it('is not offered otherwise, with the reason', () => {
		const f = fixture();
		const t = active();
		const cases = [
			pushOption(f.legacyApp, f.user, [t], [appToken(t, true)]),
			pushOption(f.pushApp, f.user, [t], [appToken(t, false)]),
			pushOption(f.pushApp, f.user, [active({ app: 'MobilePASS 8' })], [appToken(t, true)]),
			pushOption(f.pushApp, f.user, [active({ state: 'Suspended' })], [appToken(t, true)])
		];
		expect(cases.map((c) => (c.ok ? 'ok' : c.reason))).toEqual([
			expect.stringMatching(/does not support Push OTP/),
			expect.stringMatching(/Autosend Passcode/),
			expect.stringMatching(/Active MobilePASS\+ token/),
			expect.stringMatching(/Active MobilePASS\+ token/)
		]);
	});
});
