import { DAY, HOUR, WORLD_START } from '$lib/domain/clock';
import { provisionUsers, removeOpenEnrollment, renewEnrollment, unlockTokenOf } from '../actions';
import { isProvisioned, onMobilePass8, plusToken, usableEnrollment } from '../checks';
import { lockTokenOf, provisionAt } from '../prepare';
import { enrollPlus } from '../phone-actions';
import type { Scenario } from '../types';

const EXPIRED = 'acme-u6';
const LOCKED = 'acme-u10';
const OLD_PHONE = 'acme-u7';
const NO_PUSH = 'acme-u9';

const scenario: Scenario = {
	id: 'troubleshooting',
	title: 'Troubleshooting: four help-desk calls',
	summary:
		'An expired enrollment link, a locked token, a phone too old for MobilePASS+, and a user who gets no push because their token is MobilePASS 8 (Push OTP Not Applicable).',
	audience: 'Help desk',
	minutes: 15,
	start: {
		seed: 'acme-demo',
		users: 25,
		prepare: (world) => {
			let w = provisionAt(world, 'acme', [EXPIRED], WORLD_START - 10 * DAY);
			w = provisionAt(w, 'acme', [OLD_PHONE], WORLD_START - DAY);
			return lockTokenOf(w, LOCKED, WORLD_START - HOUR);
		}
	},
	steps: [
		{
			id: 'expired-link',
			instruction:
				'{user:acme-u6} says the enrollment link does not work. Give the user a link that works again.',
			why: 'A link expires at the task’s Stop Date (7 days after provisioning). Provisioning Task Management shows the user as Expired.',
			hint: 'Shortcuts > Provisioning Tasks: Edit the task and set a later Stop Date, then Resend the email. Or provision the user again from Assignment > Search User.',
			target: 'tour:nav-shortcuts',
			notes:
				'Resend is refused while the link is expired: the message says to provision the user again or set a new stop date (Edit). Show that refusal.',
			reads: ['enrollments', 'tasks', 'mail'],
			check: (w) => usableEnrollment(w, EXPIRED) !== undefined,
			clock: true,
			doItForMe: renewEnrollment(EXPIRED)
		},
		{
			id: 'locked-token',
			instruction:
				'{user:acme-u10} typed wrong passcodes and is locked out. Let the user sign in again.',
			why: 'Five failed sign-ins lock a token. Unlock sets it Active and resets the failed count.',
			hint: 'Tokens > Tokens (Token List): State Locked > the serial > Unlock.',
			target: 'tour:nav-tokens',
			notes: 'Sandbox > Audit trail shows "Token locked" with the user as the actor.',
			reads: ['tokens'],
			check: (w) =>
				!w.tokens.some((t) => t.userId === LOCKED && t.state === 'Locked') &&
				w.tokens.some((t) => t.userId === LOCKED && t.state === 'Active'),
			doItForMe: unlockTokenOf(LOCKED)
		},
		{
			id: 'incompatible-phone',
			instruction:
				'{user:acme-u7} cannot install MobilePASS+: the phone runs Android 7.0. Cancel the pending enrollment; the user keeps MobilePASS 8 for now.',
			why: 'MobilePASS+ needs Android 8.0 or later (push too). The phone profile shows Android 7.0 (the console’s Target only says Android): check the phone before provisioning.',
			hint: 'Shortcuts > Provisioning Tasks: Remove the user (or Edit the task and select them). The token returns to Inventory.',
			target: 'tour:nav-shortcuts',
			notes: 'Do not revoke the MobilePASS 8 token: it is the only way this user can sign in.',
			reads: ['enrollments', 'tokens'],
			check: (w) =>
				!w.enrollments.some((e) => e.userId === OLD_PHONE && e.status === 'Active') &&
				onMobilePass8(w, OLD_PHONE),
			doItForMe: removeOpenEnrollment(OLD_PHONE)
		},
		{
			id: 'not-applicable',
			instruction:
				'{user:acme-u9} never gets push notifications. Open the token details (Push OTP: Not Applicable), then provision a MobilePASS+ token.',
			why: 'Not Applicable means the app is not push capable: MobilePASS 8. Push needs a MobilePASS+ token.',
			hint: 'Tokens > Tokens (Token List) > the serial: Mobile App section. Then Assignment > Search User > Provision.',
			target: 'tour:nav-tokens',
			notes:
				'Contrast the three Push OTP values: Enabled, Disabled (No Thanks), Not Applicable (MobilePASS 8).',
			reads: ['enrollments'],
			check: (w) => isProvisioned(w, NO_PUSH),
			doItForMe: provisionUsers([NO_PUSH])
		},
		{
			id: 'push-enabled',
			instruction: '{user:acme-u9} enrolls MobilePASS+ and taps Allow: Push OTP shows Enabled.',
			why: 'Push OTP is recorded at enrollment: Allow gives Enabled.',
			hint: 'Switch the phone to the user, open Mail and follow the link.',
			target: 'aside[aria-label="Virtual phone"]',
			notes: 'End by revoking the MobilePASS 8 token if time allows.',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones'],
			check: (w) => plusToken(w, NO_PUSH)?.pushOtp === 'Enabled',
			doItForMe: enrollPlus([NO_PUSH], true)
		}
	]
};

export default scenario;
