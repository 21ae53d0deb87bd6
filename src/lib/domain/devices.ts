import type { OsName, Phone } from './types';

/** "iOS 17.5": how the console's Target field names a device OS. */
export function targetOf(phone: Pick<Phone, 'os' | 'osVersion'>): string {
	return `${phone.os} ${phone.osVersion}`;
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
			reason: `MobilePASS+ needs ${phone.os} ${min} or later; this device runs ${targetOf(phone)}.`
		};
	return { ok: true };
}

/** Push OTP needs Android 8.0+ or iOS 14+ (shared/domain.md). */
export function supportsPush(phone: Pick<Phone, 'os' | 'osVersion'>): boolean {
	if (phone.os === 'iOS') return major(phone.osVersion) >= 14;
	if (phone.os === 'Android') return major(phone.osVersion) >= 8;
	return false;
}
