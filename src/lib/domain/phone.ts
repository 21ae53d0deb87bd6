import { mobilePassPlusSupport, osLabel, supportsPush } from './devices';
import { accepted, put, refused, type Change, type Outcome } from './outcome';
import {
	DEVICE_TYPES,
	type AppToken,
	type DeviceType,
	type MobileApp,
	type OsName,
	type Phone
} from './types';

/**
 * What the user does to their own phone: its profile, its apps, its app settings. Phone-local
 * state the operator never sees, so success leaves no audit row (like reading mail).
 */

export type PhoneAppKey = keyof Phone['installed'];
export const PHONE_APPS: Record<PhoneAppKey, MobileApp> = {
	mobilePass8: 'MobilePASS 8',
	mobilePassPlus: 'MobilePASS+'
};
export const PHONE_OS: readonly OsName[] = ['iOS', 'Android', 'Windows', 'macOS', 'BlackBerry'];

export interface PhoneProfile {
	os: OsName;
	osVersion: string;
	model: string;
	/** Mobile, Tablet or Desktop; kept as it is when left out. */
	formFactor?: DeviceType;
}

const note = (action: string, phone: Phone | undefined) => ({
	action,
	target: phone ? `${phone.model}, ${osLabel(phone)}` : ''
});

/**
 * Edit the phone's OS, version, model and form factor. The console records the OS as Target and
 * the form factor as Device Type at enrollment; the model stays on the phone.
 */
export function editPhoneProfile(phone: Phone | undefined, profile: PhoneProfile): Outcome {
	const n = note('Edit phone', phone);
	if (!phone) return refused('No such phone.', n);
	if (!PHONE_OS.includes(profile.os))
		return refused(`Unknown operating system "${profile.os}".`, n);
	const osVersion = profile.osVersion.trim();
	if (!/^\d{1,2}(\.\d{1,3}){0,2}$/.test(osVersion))
		return refused(`"${profile.osVersion}" is not an OS version: write it like 17.5 or 8.0.`, n);
	const model = profile.model.trim();
	if (model.length === 0 || model.length > 60)
		return refused('Give the model, e.g. iPhone 15 (at most 60 characters).', n);
	const formFactor = profile.formFactor ?? phone.formFactor;
	if (!DEVICE_TYPES.includes(formFactor))
		return refused(`Unknown form factor "${formFactor}": choose ${DEVICE_TYPES.join(', ')}.`, n);
	return accepted([put('phones', { ...phone, os: profile.os, osVersion, model, formFactor })]);
}

/** Install an app from the App Store; MobilePASS+ only on the systems it supports. */
export function installApp(phone: Phone | undefined, app: PhoneAppKey): Outcome {
	const n = note(`Install ${PHONE_APPS[app]}`, phone);
	if (!phone) return refused('No such phone.', n);
	if (phone.installed[app]) return refused(`${PHONE_APPS[app]} is already installed.`, n);
	if (app === 'mobilePassPlus') {
		const support = mobilePassPlusSupport(phone);
		if (!support.ok) return refused(`MobilePASS+ cannot be installed: ${support.reason}`, n);
	}
	return accepted([put('phones', { ...phone, installed: { ...phone.installed, [app]: true } })]);
}

/**
 * Remove an app: its tokens go with it, as on a real phone. The console's tokens stay as they
 * are until the operator revokes them.
 */
export function removeApp(
	phone: Phone | undefined,
	app: PhoneAppKey,
	appTokens: AppToken[]
): Outcome {
	const n = note(`Remove ${PHONE_APPS[app]}`, phone);
	if (!phone) return refused('No such phone.', n);
	if (!phone.installed[app]) return refused(`${PHONE_APPS[app]} is not installed.`, n);
	const changes: Change[] = [
		put('phones', { ...phone, installed: { ...phone.installed, [app]: false } }),
		...appTokens
			.filter((t) => t.phoneId === phone.id && t.app === PHONE_APPS[app])
			.map((t) => ({ table: 'appTokens' as const, delete: t.id }))
	];
	return accepted(changes);
}

/**
 * MobilePASS+ Settings > Autosend Passcode. Only the app changes: the console's Push OTP field
 * records enrollment time and stays as it was, as in the real product.
 */
export function setAutosend(
	appToken: AppToken | undefined,
	phone: Phone | undefined,
	on: boolean
): Outcome {
	const n = {
		action: 'Autosend Passcode',
		target: appToken?.serial ?? '',
		serial: appToken?.serial
	};
	if (!appToken || !phone) return refused('No such token on this phone.', n);
	if (appToken.app !== 'MobilePASS+')
		return refused('Autosend Passcode is a MobilePASS+ setting; MobilePASS 8 has no push.', n);
	if (on && !supportsPush(phone))
		return refused(
			`Push notifications need Android 8.0 or iOS 14 or later; this device runs ${osLabel(phone)}.`,
			n
		);
	if (appToken.autosend === on) return accepted([]);
	return accepted([put('appTokens', { ...appToken, autosend: on })]);
}
