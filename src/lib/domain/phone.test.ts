import { describe, expect, it } from 'vitest';
import { editPhoneProfile, installApp, removeApp, setAutosend } from './phone';
import { fixture } from './test-fixtures';
import type { AppToken, Phone } from './types';

const put = (o: ReturnType<typeof installApp>) =>
	o.ok && 'put' in o.changes[0] ? o.changes[0].put : null;

/** A card on the fixture's phone. */
function card(over: Pick<AppToken, 'id' | 'app' | 'serial'>): AppToken {
	return {
		phoneId: fixture().phone.id,
		secret: 'A',
		digits: 6,
		period: 30,
		label: '',
		enrolledAt: 0,
		autosend: false,
		pin: null,
		...over
	};
}

describe('phone', () => {
	it('edits the profile, refusing an unknown OS, a bad version or an empty device type', () => {
		const { phone } = fixture();
		expect(
			put(editPhoneProfile(phone, { os: 'Android', osVersion: ' 7.0 ', model: 'Galaxy S7' }))
		).toMatchObject({
			os: 'Android',
			osVersion: '7.0',
			model: 'Galaxy S7'
		});
		expect(editPhoneProfile(phone, { os: 'Symbian' as 'iOS', osVersion: '1', model: 'x' }).ok).toBe(
			false
		);
		expect(editPhoneProfile(phone, { os: 'iOS', osVersion: 'latest', model: 'x' }).ok).toBe(false);
		expect(editPhoneProfile(phone, { os: 'iOS', osVersion: '17', model: ' ' }).ok).toBe(false);
	});

	it('installs MobilePASS+ only where it is supported; MobilePASS 8 anywhere', () => {
		const { phone } = fixture();
		const bare: Phone = { ...phone, installed: { mobilePass8: false, mobilePassPlus: false } };
		expect(put(installApp(bare, 'mobilePassPlus'))).toMatchObject({
			installed: { mobilePassPlus: true }
		});
		const old: Phone = { ...bare, os: 'Android', osVersion: '7.0' };
		const o = installApp(old, 'mobilePassPlus');
		expect(!o.ok && o.reason).toMatch(/needs Android 8 or later/);
		expect(installApp(old, 'mobilePass8').ok).toBe(true);
		expect(installApp(phone, 'mobilePassPlus').ok).toBe(false); // already installed
	});

	it("removing an app removes that app's tokens from the phone", () => {
		const { phone } = fixture();
		const t = (id: string, app: AppToken['app']) => card({ id, app, serial: id });
		const o = removeApp(phone, 'mobilePassPlus', [t('1', 'MobilePASS+'), t('2', 'MobilePASS 8')]);
		expect(o.ok && o.changes.slice(1)).toEqual([{ table: 'appTokens', delete: '1' }]);
		expect(removeApp(phone, 'mobilePass8', []).ok).toBe(false);
	});

	it('Autosend Passcode: MobilePASS+ on a push-capable device only', () => {
		const { phone } = fixture();
		const token = card({ id: 'a', app: 'MobilePASS+', serial: '1' });
		expect(put(setAutosend(token, phone, true))).toMatchObject({ autosend: true });
		// MobilePASS+ for Windows 10 does push; an Android 7 phone cannot.
		const windows: Phone = { ...phone, os: 'Windows', osVersion: '10' };
		expect(put(setAutosend(token, windows, true))).toMatchObject({ autosend: true });
		const oldAndroid: Phone = { ...phone, os: 'Android', osVersion: '7.0' };
		expect(setAutosend(token, oldAndroid, true).ok).toBe(false);
		expect(setAutosend({ ...token, app: 'MobilePASS 8' }, phone, true).ok).toBe(false);
	});
});

describe('third-party tokens in MobilePASS+', () => {
	it('holds an otpauth:// token with its issuer, once; refuses what is not a token', async () => {
		const { addThirdPartyToken } = await import('./phone');
		const phone = fixture().phone;
		const uri =
			'otpauth://totp/GitHub:ang?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&digits=6&period=30';
		const o = addThirdPartyToken(phone, uri, [], 'tp-1', 5);
		expect(o.ok && o.changes[0]).toMatchObject({
			put: { issuer: 'GitHub', label: 'ang', secret: 'JBSWY3DPEHPK3PXP', app: 'MobilePASS+' }
		});
		const held = o.ok ? [(o.changes[0] as { put: AppToken }).put] : [];
		const again = addThirdPartyToken(phone, uri, held, 'tp-2', 5);
		expect(!again.ok && again.reason).toMatch(/already holds/);
		const junk = addThirdPartyToken(phone, 'https://example.com', [], 'tp-3', 5);
		expect(!junk.ok && junk.reason).toMatch(/not a token/);
	});
});
