import {
	DEVICE_TYPES,
	TARGETS,
	type DeviceType,
	type OsName,
	type Phone,
	type Target
} from './types';

/** "iOS 17.5": the phone's own system and version, as the phone profile shows it. */
export function osLabel(phone: Pick<Phone, 'os' | 'osVersion'>): string {
	return `${phone.os} ${phone.osVersion}`;
}

const TARGET_OF_OS: Partial<Record<OsName, Target>> = {
	iOS: 'iOS',
	Android: 'Android',
	Windows: 'Windows 10',
	macOS: 'macOS'
};

/**
 * The console's Target: the operating system as STA names it (no version, no model). Systems
 * STA has no target for (BlackBerry) give null.
 */
export function targetOf(phone: Pick<Phone, 'os'>): Target | null {
	return TARGET_OF_OS[phone.os] ?? null;
}

/** The console's Device Type: the phone's form factor, never its model name. */
export function deviceTypeOf(phone: Pick<Phone, 'formFactor'>): DeviceType {
	return phone.formFactor;
}

const TABLET_MODEL = /\b(ipad|tab|tablet|surface go)\b/i;

/**
 * Sandbox choice: the form factor of a phone saved before phones had one, guessed from its
 * system and model (Windows and macOS devices are desktops, iPads and "Tab"s are tablets).
 */
export function guessFormFactor(os: string, model: string): DeviceType {
	if (TABLET_MODEL.test(model)) return 'Tablet';
	if (os === 'Windows' || os === 'macOS') return 'Desktop';
	return 'Mobile';
}

/**
 * An old free-text Target ("iOS 17.5", "Windows 10") as STA's Target; unknown text gives null.
 * Values already in the vocabulary are returned as they are.
 */
export function legacyTarget(text: string | null): Target | null {
	if (text === null) return null;
	if ((TARGETS as readonly string[]).includes(text)) return text as Target;
	const os = text.trim().split(/\s+/)[0]?.toLowerCase();
	const match = Object.entries(TARGET_OF_OS).find(([name]) => name.toLowerCase() === os);
	return match ? match[1] : null;
}

/** An old free-text Device Type (the model, e.g. "iPhone 15") as a form factor. */
export function legacyDeviceType(text: string | null, target: Target | null): DeviceType | null {
	if (text === null) return null;
	if ((DEVICE_TYPES as readonly string[]).includes(text)) return text as DeviceType;
	if (TABLET_MODEL.test(text)) return 'Tablet';
	return target === 'Windows 10' || target === 'macOS' ? 'Desktop' : 'Mobile';
}

type Loose = Record<string, unknown>;

/**
 * Rewrites a phone or token record saved before Target and Device Type used STA's vocabulary
 * (world files and databases from before schema version 2). Idempotent: current records
 * come back unchanged, so it is safe on any file.
 */
export function upgradeDeviceFields<T extends Loose>(table: 'phones' | 'tokens', row: T): T {
	if (table === 'phones') {
		if ((DEVICE_TYPES as readonly unknown[]).includes(row.formFactor)) return row;
		return {
			...row,
			formFactor: guessFormFactor(String(row.os ?? ''), String(row.model ?? ''))
		};
	}
	const target = legacyTarget(typeof row.target === 'string' ? row.target : null);
	const deviceType = legacyDeviceType(
		typeof row.deviceType === 'string' ? row.deviceType : null,
		target
	);
	if (row.target === target && row.deviceType === deviceType) return row;
	return { ...row, target, deviceType };
}

/** The same, over the phones and tokens of a whole world as read from a file. */
export function upgradeWorldDevices(world: Loose): Loose {
	const map = (table: 'phones' | 'tokens') =>
		Array.isArray(world[table])
			? (world[table] as unknown[]).map((r) =>
					r && typeof r === 'object' && !Array.isArray(r)
						? upgradeDeviceFields(table, r as Loose)
						: r
				)
			: world[table];
	return { ...world, phones: map('phones'), tokens: map('tokens') };
}

function major(version: string): number {
	return Number.parseFloat(version) || 0;
}

/** MobilePASS+ runs on iOS, Android, Windows 10 and macOS; older systems only had MobilePASS 8. */
const MOBILEPASS_PLUS_MINIMUM: Partial<Record<OsName, number>> = {
	iOS: 14,
	Android: 8,
	Windows: 10,
	macOS: 11
};

export type Compatibility = { ok: true } | { ok: false; reason: string };

export function mobilePassPlusSupport(phone: Pick<Phone, 'os' | 'osVersion'>): Compatibility {
	const min = MOBILEPASS_PLUS_MINIMUM[phone.os];
	if (min === undefined)
		return { ok: false, reason: `MobilePASS+ is not available for ${phone.os}.` };
	if (major(phone.osVersion) < min)
		return {
			ok: false,
			reason: `MobilePASS+ needs ${phone.os} ${min} or later; this device runs ${osLabel(phone)}.`
		};
	return { ok: true };
}

/** Push OTP needs Android 8.0+ or iOS 14+ (shared/domain.md). */
export function supportsPush(phone: Pick<Phone, 'os' | 'osVersion'>): boolean {
	if (phone.os === 'iOS') return major(phone.osVersion) >= 14;
	if (phone.os === 'Android') return major(phone.osVersion) >= 8;
	return false;
}
