import { describe, expect, it } from 'vitest';
import {
	APP_CHOICES,
	changeTargetSetting,
	mobilesMigrating,
	mobilesOnMobilePassPlus,
	policyTarget,
	pushAllowedFor,
	softwareTokenSettings,
	targetRule,
	UPGRADED_ACCOUNT,
	wrongApp
} from './policy';
import { fixture } from './test-fixtures';
import type { VirtualServer } from './types';

const bare = (): VirtualServer => {
	const { softwareTokens: _, ...server } = fixture().server;
	void _;
	return server;
};

describe('Software Token & Push OTP Settings', () => {
	it('a server stored before the policy existed reads an upgraded account: MobilePASS8, push off', () => {
		expect(softwareTokenSettings(bare())).toEqual(UPGRADED_ACCOUNT);
		expect(mobilesMigrating(bare())).toBe(false);
		expect(mobilesMigrating(fixture().server)).toBe(true);
	});

	it('maps devices to targets: Windows 10 and later, no target for other systems (BlackBerry)', () => {
		expect(policyTarget({ os: 'iOS', osVersion: '17.5' })).toBe('iOS');
		expect(policyTarget({ os: 'Windows', osVersion: '11' })).toBe('Windows 10');
		expect(policyTarget({ os: 'BlackBerry', osVersion: '10' })).toBeNull();
	});

	it('targetRule names why a device cannot enroll, and wrongApp which app to use', () => {
		const server = bare();
		const ios = { os: 'iOS' as const, osVersion: '17.5' };
		expect(wrongApp(targetRule(server, ios), 'MobilePASS 8')).toBeNull();
		expect(wrongApp(targetRule(server, ios), 'MobilePASS+')).toMatch(/in MobilePASS 8/);
		const blocked = {
			...server,
			softwareTokens: { ...UPGRADED_ACCOUNT, iOS: { ...UPGRADED_ACCOUNT.iOS, allowed: false } }
		};
		const rule = targetRule(blocked, ios);
		expect(!rule.ok && rule.reason).toMatch(/does not allow MobilePASS tokens on iOS devices/);
		expect(pushAllowedFor(fixture().server, ios)).toBe(true);
		expect(pushAllowedFor(server, ios)).toBe(false);
	});

	it('changeTargetSetting applies one row and audits before → after', () => {
		const server = bare();
		const o = changeTargetSetting(server, 'Android', {
			allowed: true,
			app: 'MobilePASS+',
			push: true
		});
		expect(o.ok).toBe(true);
		if (!o.ok) return;
		const put = o.changes[0] as { put: VirtualServer };
		expect(put.put.softwareTokens?.Android).toEqual({
			allowed: true,
			app: 'MobilePASS+',
			push: true
		});
		expect(put.put.softwareTokens?.iOS).toEqual(UPGRADED_ACCOUNT.iOS);
		expect(o.audit[0].detail).toMatch(
			/Android: Allowed, MobilePASS 8, Push Notifications off → Allowed, MobilePASS\+, Push Notifications on/
		);
	});

	it('refuses what the documentation does not allow, and no-op changes', () => {
		expect(APP_CHOICES.macOS).toEqual(['MobilePASS 8']);
		const mac = changeTargetSetting(bare(), 'macOS', {
			allowed: true,
			app: 'MobilePASS+',
			push: false
		});
		expect(!mac.ok && mac.reason).toMatch(/MobilePASS\+ is not available for macOS/);
		const unknown = changeTargetSetting(bare(), 'Palm OS', UPGRADED_ACCOUNT.iOS);
		expect(!unknown.ok && unknown.reason).toMatch(/not a target/);
		const same = changeTargetSetting(bare(), 'iOS', UPGRADED_ACCOUNT.iOS);
		expect(!same.ok && same.reason).toMatch(/nothing to change/);
		expect(mobilesOnMobilePassPlus(UPGRADED_ACCOUNT)['Windows 10']).toEqual(
			UPGRADED_ACCOUNT['Windows 10']
		);
	});
});
