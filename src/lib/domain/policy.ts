/**
 * Policy > Token Policies > Software Token & Push OTP Settings (thalesdocs.com/sta/operator/
 * tokens/tkn_mp and …/push/mpp): per virtual server, one row per target with Allowed, the one
 * MobilePASS app users of that target enroll with, and Push Notifications.
 */
import { targetOf } from './devices';
import { accepted, put, refused, type AuditNote, type Outcome } from './outcome';
import {
	TARGETS,
	type MobileApp,
	type Phone,
	type SoftwareTokenSettings,
	type Target,
	type TargetSetting,
	type VirtualServer
} from './types';

export const POLICY_ACTION = 'Software Token & Push OTP Settings';

/**
 * The apps a target may name: "For Android, iOS, and Windows 10, select either MobilePASS+ or
 * MobilePASS8 … For all other systems, MobilePASS 8 is available."
 */
export const APP_CHOICES: Record<Target, readonly MobileApp[]> = {
	iOS: ['MobilePASS+', 'MobilePASS 8'],
	Android: ['MobilePASS+', 'MobilePASS 8'],
	'Windows 10': ['MobilePASS+', 'MobilePASS 8'],
	macOS: ['MobilePASS 8']
};

/**
 * An upgraded account's settings (the seeded worlds are customers moving off MobilePASS 8):
 * every target allowed on MobilePASS8, and push off ("disabled by default for upgraded
 * accounts"). Switching iOS and Android to MobilePASS+ starts the migration.
 */
export const UPGRADED_ACCOUNT: SoftwareTokenSettings = {
	iOS: { allowed: true, app: 'MobilePASS 8', push: false },
	Android: { allowed: true, app: 'MobilePASS 8', push: false },
	'Windows 10': { allowed: true, app: 'MobilePASS 8', push: false },
	macOS: { allowed: true, app: 'MobilePASS 8', push: false }
};

/** The settings a virtual server works with; a world stored before the policy existed reads the defaults. */
export function softwareTokenSettings(
	server: Pick<VirtualServer, 'softwareTokens'> | undefined
): SoftwareTokenSettings {
	return { ...UPGRADED_ACCOUNT, ...(server?.softwareTokens ?? {}) };
}

/** The policy row a device falls under: its Target (iOS, Android, Windows 10, macOS), or none. */
export function policyTarget(phone: Pick<Phone, 'os' | 'osVersion'>): Target | null {
	return targetOf(phone);
}

export type TargetRule =
	{ ok: true; target: Target; setting: TargetSetting } | { ok: false; reason: string };

/** Whether this device may enroll at all in this virtual server, and with which app. */
export function targetRule(
	server: Pick<VirtualServer, 'softwareTokens' | 'name'> | undefined,
	phone: Pick<Phone, 'os' | 'osVersion'>
): TargetRule {
	const target = policyTarget(phone);
	if (!target)
		return {
			ok: false,
			reason: `${phone.os} ${phone.osVersion} is not one of the targets your organization allows for MobilePASS tokens. Enroll from an allowed device, or ask your help desk.`
		};
	const setting = softwareTokenSettings(server)[target];
	if (!setting.allowed)
		return {
			ok: false,
			reason: `Your organization does not allow MobilePASS tokens on ${target} devices. Enroll from another device, or ask your help desk.`
		};
	return { ok: true, target, setting };
}

/** Push Notifications on for a MobilePASS+ target: may MobilePASS+ on this device use push? */
export function pushAllowedFor(
	server: Pick<VirtualServer, 'softwareTokens' | 'name'> | undefined,
	phone: Pick<Phone, 'os' | 'osVersion'>
): boolean {
	const rule = targetRule(server, phone);
	return rule.ok && rule.setting.push;
}

/** Why the app the user chose is not the one the policy names for their target, or null. */
export function wrongApp(rule: TargetRule, app: MobileApp): string | null {
	if (!rule.ok) return rule.reason;
	if (rule.setting.app === app) return null;
	return `Your organization enrolls ${rule.target} devices in ${rule.setting.app}, not ${app}: use ${rule.setting.app}.`;
}

/** Changes one target's row; a choice the documentation does not allow is refused. */
export function changeTargetSetting(
	server: VirtualServer | undefined,
	target: string,
	next: TargetSetting
): Outcome {
	const note: AuditNote = {
		action: POLICY_ACTION,
		target: `Target ${target}`,
		detail: undefined as string | undefined
	};
	if (!server) return refused('No such virtual server.', note);
	if (!(TARGETS as readonly string[]).includes(target))
		return refused(`"${target}" is not a target: choose one of ${TARGETS.join(', ')}.`, note);
	const t = target as Target;
	if (!APP_CHOICES[t].includes(next.app))
		return refused(
			`${next.app} is not available for ${t}: only ${APP_CHOICES[t].join(' or ')}.`,
			note
		);
	const settings = softwareTokenSettings(server);
	const before = settings[t];
	if (before.allowed === next.allowed && before.app === next.app && before.push === next.push)
		return refused(`Target ${t} already has these settings: nothing to change.`, note);
	const describe = (s: TargetSetting) =>
		`${s.allowed ? 'Allowed' : 'Not allowed'}, ${s.app}, Push Notifications ${s.push ? 'on' : 'off'}`;
	return accepted(
		[
			put('servers', {
				...server,
				softwareTokens: { ...settings, [t]: { ...next } }
			})
		],
		{ ...note, detail: `${t}: ${describe(before)} → ${describe(next)}` }
	);
}

/** The operator's first migration step: iOS and Android users enroll in MobilePASS+, with push. */
export function mobilesOnMobilePassPlus(settings: SoftwareTokenSettings): SoftwareTokenSettings {
	return {
		...settings,
		iOS: { allowed: true, app: 'MobilePASS+', push: true },
		Android: { allowed: true, app: 'MobilePASS+', push: true }
	};
}

/** Whether iOS and Android users are sent to MobilePASS+ (the scenario's first check). */
export function mobilesMigrating(server: Pick<VirtualServer, 'softwareTokens'> | undefined) {
	const s = softwareTokenSettings(server);
	return (
		s.iOS.allowed &&
		s.iOS.app === 'MobilePASS+' &&
		s.Android.allowed &&
		s.Android.app === 'MobilePASS+'
	);
}
