import { describe, expect, it } from 'vitest';
import { MAX_PIN_ATTEMPTS, pinBlocked, pinRequired, unlockToken } from './pin';
import type { AppToken } from './types';

const token = (over: Partial<AppToken> = {}): AppToken => ({
	id: 'a',
	phoneId: 'p',
	app: 'MobilePASS+',
	serial: '1234567890',
	secret: 'JBSWY3DPEHPK3PXP',
	digits: 6,
	period: 30,
	label: 'Acme',
	enrolledAt: 0,
	autosend: false,
	pin: '2468',
	...over
});

describe('token PIN', () => {
	it('the right PIN unlocks and resets the count; no PIN asks nothing', () => {
		const o = unlockToken(token({ pinFailures: 2 }), {}, { pin: '2468' });
		expect(o.ok && !o.refusal && o.changes[0]).toMatchObject({ put: { pinFailures: 0 } });
		expect(pinRequired(token({ pin: null }))).toBe(false);
		const none = unlockToken(token({ pin: null }), {}, { pin: '' });
		expect(none.ok && none.changes).toEqual([]);
	});

	it('biometrics unlock only where the phone has them', () => {
		const yes = unlockToken(token(), { biometrics: true }, { biometrics: true });
		expect(yes.ok && !yes.refusal).toBe(true);
		const no = unlockToken(token(), { biometrics: false }, { biometrics: true });
		expect(!no.ok && no.reason).toMatch(/no biometrics/);
	});

	it(`a wrong PIN counts; the ${MAX_PIN_ATTEMPTS}th means the token must be re-enrolled`, () => {
		const wrong = unlockToken(token(), {}, { pin: '0000' });
		expect(wrong.ok && wrong.refusal).toMatch(/Wrong PIN \(1 of 5 attempts\)/);
		expect(wrong.ok && wrong.audit[0].outcome).toBe('Refused');
		const last = unlockToken(token({ pinFailures: MAX_PIN_ATTEMPTS - 1 }), {}, { pin: '0000' });
		expect(last.ok && last.refusal).toMatch(/must be re-enrolled/);
		expect(pinBlocked({ pinFailures: MAX_PIN_ATTEMPTS })).toBe(true);
		const after = unlockToken(token({ pinFailures: MAX_PIN_ATTEMPTS }), {}, { pin: '2468' });
		expect(!after.ok && after.reason).toMatch(/must be re-enrolled/);
	});
});
