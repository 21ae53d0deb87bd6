import type { PushOtp } from '$lib/domain/types';

/** One-line explanations for the Mobile App section of Token details. */
export const MOBILE_APP_HELP = {
	target: 'The operating system of the device the token was enrolled on.',
	deviceType: 'The type of device the token was enrolled on.'
};

export const PUSH_OTP_HELP: Record<PushOtp, string> = {
	Enabled: 'The user allowed push notifications when enrolling in MobilePASS+.',
	Disabled:
		'The app is push capable (MobilePASS+), but the user chose No Thanks to push notifications when enrolling.',
	'Not Applicable': 'The app that enrolled the token is not push capable (MobilePASS 8).'
};

export const PUSH_OTP_AT_ENROLLMENT =
	'Push OTP shows the state at enrollment time. It does not follow later changes in the app: ' +
	'a user who later slides Autosend Passcode to the right in MobilePASS+ still shows Disabled here.';
