import type { PushOtp } from '$lib/domain/types';

/** One-line explanations for the Mobile App section of Token details. */
export const MOBILE_APP_HELP = {
	target: 'The operating system of the device the token was enrolled on.',
	deviceType: 'The type of device the token was enrolled on.'
};

export const PUSH_OTP_HELP: Record<PushOtp, string> = {
	Enabled:
		'Push was permitted when the token was enrolled in MobilePASS+: the user tapped Allow (on Windows, MobilePASS+ notifications were on in Notifications & actions).',
	Disabled:
		'The app is push capable (MobilePASS+), but push was not permitted at enrollment: the user chose No Thanks, Windows notifications for MobilePASS+ were off, or Push Notifications were off for the target in Software Token & Push OTP Settings.',
	'Not Applicable': 'The app that enrolled the token is not push capable (MobilePASS 8).'
};

export const PUSH_OTP_AT_ENROLLMENT =
	'Push OTP shows the state at enrollment time. It does not follow later changes in the app: ' +
	'a user who later slides Autosend Passcode to the right in MobilePASS+ still shows Disabled here.';
