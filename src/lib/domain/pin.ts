/**
 * The token PIN the apps ask for before they show a passcode or approve a push
 * (thalesdocs.com/sta/mobilepass/android/pin): "You are allowed only a certain number of
 * attempts to enter the correct PIN for a token … If you exceed the number of allowed retries,
 * your token must be re-enrolled."
 */
import { accepted, countedRefusal, put, refused, type AuditNote, type Outcome } from './outcome';
import type { AppToken, Phone } from './types';

/** Sandbox choice: the retries the administrator allows (the documentation leaves it to them). */
export const MAX_PIN_ATTEMPTS = 5;

export const PIN_ACTION = 'Token PIN';

/** Whether the app must ask for the PIN (or biometrics) before it shows a code or approves. */
export function pinRequired(appToken: Pick<AppToken, 'pin'>): boolean {
	return appToken.pin !== null && appToken.pin !== '';
}

/** Too many wrong PINs: the token is unusable on this phone until it is enrolled again. */
export function pinBlocked(appToken: Pick<AppToken, 'pinFailures'>): boolean {
	return (appToken.pinFailures ?? 0) >= MAX_PIN_ATTEMPTS;
}

export const RE_ENROLL =
	'You entered a wrong PIN too many times. This token must be re-enrolled: ask your help desk for a new token.';

/**
 * The user answers the PIN prompt, with the PIN or the phone's biometrics. A right answer resets
 * the count; a wrong PIN counts, and the last allowed one blocks the token.
 */
export function unlockToken(
	appToken: AppToken | undefined,
	phone: Pick<Phone, 'biometrics'> | undefined,
	answer: { pin: string } | { biometrics: true }
): Outcome {
	const note: AuditNote = {
		action: PIN_ACTION,
		target: appToken?.serial ?? '',
		serial: appToken?.serial ?? null
	};
	if (!appToken || !phone) return refused('No such token on this phone.', note);
	if (pinBlocked(appToken)) return refused(RE_ENROLL, note);
	if (!pinRequired(appToken)) return accepted([]);
	if ('biometrics' in answer) {
		if (!phone.biometrics)
			return refused('This phone has no biometrics set up: enter the PIN.', note);
		return accepted(
			appToken.pinFailures ? [put('appTokens', { ...appToken, pinFailures: 0 })] : []
		);
	}
	if (answer.pin === appToken.pin)
		return accepted(
			appToken.pinFailures ? [put('appTokens', { ...appToken, pinFailures: 0 })] : []
		);
	const pinFailures = (appToken.pinFailures ?? 0) + 1;
	const reason =
		pinFailures >= MAX_PIN_ATTEMPTS
			? RE_ENROLL
			: `Wrong PIN (${pinFailures} of ${MAX_PIN_ATTEMPTS} attempts). After ${MAX_PIN_ATTEMPTS} wrong PINs the token must be re-enrolled.`;
	return countedRefusal(reason, [put('appTokens', { ...appToken, pinFailures })], note);
}
