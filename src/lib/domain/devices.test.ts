import { describe, expect, it } from 'vitest';
import {
	deviceTypeOf,
	guessFormFactor,
	legacyDeviceType,
	legacyTarget,
	osLabel,
	targetOf,
	upgradeDeviceFields,
	upgradeWorldDevices
} from './devices';

describe('Target and Device Type as STA records them', () => {
	it('Target is the operating system without version; Windows is "Windows 10"', () => {
		expect(targetOf({ os: 'iOS' })).toBe('iOS');
		expect(targetOf({ os: 'Android' })).toBe('Android');
		expect(targetOf({ os: 'Windows' })).toBe('Windows 10');
		expect(targetOf({ os: 'macOS' })).toBe('macOS');
		expect(targetOf({ os: 'BlackBerry' })).toBeNull();
		expect(osLabel({ os: 'iOS', osVersion: '17.5' })).toBe('iOS 17.5');
	});

	it('Device Type is the form factor, never the model', () => {
		expect(deviceTypeOf({ formFactor: 'Tablet' })).toBe('Tablet');
		expect(guessFormFactor('iOS', 'iPad Air')).toBe('Tablet');
		expect(guessFormFactor('Android', 'Samsung Galaxy Tab S9')).toBe('Tablet');
		expect(guessFormFactor('Windows', 'Microsoft Surface Pro 7')).toBe('Desktop');
		expect(guessFormFactor('Android', 'Google Pixel 7')).toBe('Mobile');
	});

	it('maps the old free-text values ("iOS 17.5", "iPhone 15") to the vocabulary', () => {
		expect(legacyTarget('iOS 17.5')).toBe('iOS');
		expect(legacyTarget('Android 7.0')).toBe('Android');
		expect(legacyTarget('Windows 10')).toBe('Windows 10');
		expect(legacyTarget('BlackBerry 10')).toBeNull();
		expect(legacyTarget(null)).toBeNull();
		expect(legacyDeviceType('iPhone 15', 'iOS')).toBe('Mobile');
		expect(legacyDeviceType('iPad Air', 'iOS')).toBe('Tablet');
		expect(legacyDeviceType('Microsoft Surface Pro 7', 'Windows 10')).toBe('Desktop');
		expect(legacyDeviceType(null, null)).toBeNull();
	});

	it('upgrades old phones and tokens, and leaves current ones untouched', () => {
		const oldToken = { serial: '1', target: 'iOS 15.8', deviceType: 'iPhone 8' };
		expect(upgradeDeviceFields('tokens', oldToken)).toEqual({
			serial: '1',
			target: 'iOS',
			deviceType: 'Mobile'
		});
		const current = { serial: '2', target: 'Windows 10', deviceType: 'Desktop' };
		expect(upgradeDeviceFields('tokens', current)).toBe(current);
		const inventory = { serial: '3', target: null, deviceType: null };
		expect(upgradeDeviceFields('tokens', inventory)).toBe(inventory);
		const oldPhone = { id: 'p', os: 'Windows', osVersion: '10', model: 'Surface Pro 7' };
		expect(upgradeDeviceFields('phones', oldPhone)).toEqual({ ...oldPhone, formFactor: 'Desktop' });
		const phone = { ...oldPhone, formFactor: 'Tablet' };
		expect(upgradeDeviceFields('phones', phone)).toBe(phone);
	});

	it('upgrades a whole world read from a file, other tables as they were', () => {
		const world = {
			users: [{ id: 'u' }],
			phones: [{ id: 'p', os: 'iOS', osVersion: '17.5', model: 'iPhone 15' }],
			tokens: [{ serial: '1', target: 'iOS 17.5', deviceType: 'iPhone 15' }]
		};
		const up = upgradeWorldDevices(world);
		expect(up.users).toBe(world.users);
		expect(up.phones).toEqual([{ ...world.phones[0], formFactor: 'Mobile' }]);
		expect(up.tokens).toEqual([{ serial: '1', target: 'iOS', deviceType: 'Mobile' }]);
		expect(upgradeWorldDevices({ phones: 'x' }).phones).toBe('x');
	});
});
