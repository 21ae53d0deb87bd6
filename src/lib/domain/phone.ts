import { AUDIT, type AuditAction } from './audit-actions';
import { mobilePassPlusSupport, osLabel } from './devices';
import { pushCapableDevice } from './enrollment';
import { accepted, put, refused, type Change, type Outcome } from './outcome';
import { parseOtpauthUri } from './otp';
import {
	DEVICE_TYPES,
	type AppToken,
	type DeviceType,
	type Instant,
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
	/** Face ID or a fingerprint set up: the apps offer them instead of the token PIN. */
	biometrics?: boolean;
	/** Windows' Notifications & actions for MobilePASS+. */
	notifications?: boolean;
	/** Mobile, Tablet or Desktop; kept as it is when left out. */
	formFactor?: DeviceType;
}

const note = (action: AuditAction, phone: Phone | undefined) => ({
	action,
	target: phone ? `${phone.model}, ${osLabel(phone)}` : ''
});

/**
 * Edit the phone's OS, version, model and form factor. The console records the OS as Target and
 * the form factor as Device Type at enrollment; the model stays on the phone.
 */
export function editPhoneProfile(phone: Phone | undefined, profile: PhoneProfile): Outcome {
	const n = note(AUDIT.editPhone, phone);
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
	return accepted([
		put('phones', {
			...phone,
			os: profile.os,
			osVersion,
			model,
			formFactor,
			biometrics: profile.biometrics ?? phone.biometrics,
			notifications: profile.notifications ?? phone.notifications
		})
	]);
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
		action: AUDIT.autosendPasscode,
		target: appToken?.serial ?? '',
		serial: appToken?.serial
	};
	if (!appToken || !phone) return refused('No such token on this phone.', n);
	if (appToken.app !== 'MobilePASS+')
		return refused('Autosend Passcode is a MobilePASS+ setting; MobilePASS 8 has no push.', n);
	if (on && !pushCapableDevice(phone))
		return refused(
			`Push notifications need Android 8.0, iOS 14 or Windows 10 or later; this device runs ${osLabel(phone)}.`,
			n
		);
	if (appToken.autosend === on) return accepted([]);
	return accepted([put('appTokens', { ...appToken, autosend: on })]);
}

/**
 * MobilePASS+ scans a QR code that is no enrollment of ours: a third-party `otpauth://` token
 * (another service's two-step verification). The app holds it beside its own tokens, with its
 * own icon; STA never sees it.
 */
export function addThirdPartyToken(
	phone: Phone | undefined,
	uri: string,
	held: AppToken[],
	id: string,
	at: Instant
): Outcome {
	const n = { action: AUDIT.addThirdPartyToken, target: phone ? `${phone.model}` : '' };
	if (!phone) return refused('No such phone.', n);
	if (!phone.installed.mobilePassPlus) return refused('MobilePASS+ is not installed.', n);
	let p: ReturnType<typeof parseOtpauthUri>;
	try {
		p = parseOtpauthUri(uri);
	} catch {
		return refused('This QR code is not a token: MobilePASS+ reads otpauth:// codes only.', n);
	}
	if (![6, 8].includes(p.digits) || !(p.period > 0))
		return refused('MobilePASS+ holds 6- or 8-digit time-based tokens only.', n);
	if (held.some((t) => t.phoneId === phone.id && t.secret === p.secret))
		return refused(`MobilePASS+ already holds this token (${p.issuer || p.account}).`, n);
	const token: AppToken = {
		id,
		phoneId: phone.id,
		app: 'MobilePASS+',
		serial: id,
		secret: p.secret,
		digits: p.digits,
		period: p.period,
		label: p.account,
		issuer: p.issuer || 'Unknown issuer',
		enrolledAt: at,
		autosend: false,
		pin: null
	};
	return accepted([put('appTokens', token)]);
}
