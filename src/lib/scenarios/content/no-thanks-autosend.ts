import { provisionUsers, revokeMp8 } from '../actions';
import { isProvisioned, mp8Returned, plusToken } from '../checks';
import { enrollPlus, signIn, turnOnAutosend } from '../phone-actions';
import type { Scenario } from '../types';

const USER = 'acme-u4';

const scenario: Scenario = {
	id: 'no-thanks-autosend',
	title: 'No Thanks at enrollment, Autosend Passcode later',
	summary:
		'The user declines notifications while enrolling, turns on Autosend Passcode afterwards, and the console still says Push OTP Disabled. Learn why.',
	audience: 'Help desk',
	minutes: 8,
	start: { seed: 'acme-demo', users: 25 },
	steps: [
		{
			id: 'provision',
			instruction: 'Provision a MobilePASS token to {user:acme-u4}.',
			why: 'Every migration starts with a new token: the MobilePASS 8 one cannot move to MobilePASS+.',
			hint: 'Assignment > Search User > select the user > Provision.',
			target: 'tour:nav-assignment',
			notes: 'Quick step; the interesting part is on the phone.',
			reads: ['enrollments'],
			check: (w) => isProvisioned(w, USER),
			doItForMe: provisionUsers([USER])
		},
		{
			id: 'enroll-no-thanks',
			instruction:
				'On the phone, enroll in MobilePASS+ and choose No Thanks when asked to permit notifications.',
			why: 'Many users tap No Thanks by reflex. The console records Push OTP Disabled: MobilePASS+ can push, but the user did not permit it.',
			hint: 'Mail > the enrollment email > the link > Enroll your SafeNet MobilePASS+ token.',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'Show the token details now: Push OTP Disabled (not Not Applicable: that is MobilePASS 8).',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones'],
			check: (w) => plusToken(w, USER)?.pushOtp === 'Disabled',
			doItForMe: enrollPlus([USER], false)
		},
		{
			id: 'autosend-on',
			instruction: 'In MobilePASS+ settings, slide Autosend Passcode to the right (blue).',
			why: 'This is how a user who said No Thanks turns Push OTP on later, without enrolling again.',
			hint: 'MobilePASS+ > Settings > Autosend Passcode.',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'Now open the token details in the console again: Push OTP still says Disabled. The field records the state at the time of enrollment, and never follows later app settings. This is what trainees trip over.',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones'],
			check: (w) => {
				const t = plusToken(w, USER);
				return !!t && w.appTokens.some((a) => a.serial === t.serial && a.autosend);
			},
			doItForMe: turnOnAutosend(USER)
		},
		{
			id: 'push-works',
			instruction:
				'Sign in to Remote Access VPN as {user:acme-u4} with Use my mobile to autosend a password, and Approve on the phone — although the console says Disabled.',
			why: 'Push OTP Disabled in the console does not mean push cannot work: check the app’s setting, not only the token details.',
			hint: 'Remote Access VPN is push capable (SafeNet RADIUS).',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'Ask the room: what would the Users – With Tokens report say for this user? (Disabled.)',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones', 'pushRequests'],
			check: (w) => {
				const t = plusToken(w, USER);
				return !!t && w.pushRequests.some((p) => p.serial === t.serial && p.status === 'Approved');
			},
			doItForMe: signIn(USER, 'Remote Access VPN')
		},
		{
			id: 'revoke-old',
			instruction: "Revoke {user:acme-u4}'s MobilePASS 8 token and return it to inventory.",
			why: 'The old token is no longer needed and goes back to inventory for the next user.',
			hint: 'Tokens > Tokens (Token List) > the MobilePASS 8 serial > Revoke > return to inventory.',
			target: 'tour:nav-tokens',
			notes:
				'Same as in the first scenario: the loop that makes a migration possible with a fixed allocation.',
			reads: ['tokens', 'appTokens', 'phones'],
			check: (w) => mp8Returned(w, USER),
			doItForMe: revokeMp8([USER])
		}
	]
};

export default scenario;
