import { openEnrollmentMail, provisionUsers, revokeMp8 } from '../actions';
import { isProvisioned, mp8Returned, onMobilePassPlus, plusToken } from '../checks';
import { enrollPlus, signIn } from '../phone-actions';
import type { Scenario } from '../types';

const USER = 'acme-u1';

const scenario: Scenario = {
	id: 'migrate-one-user',
	title: 'Migrate one user from MobilePASS 8 to MobilePASS+',
	summary:
		'Provision a MobilePASS token, let the user enroll it in MobilePASS+ on their phone, then revoke the old MobilePASS 8 token and return it to inventory.',
	audience: 'Operator',
	minutes: 10,
	start: { seed: 'acme-demo', users: 25 },
	steps: [
		{
			id: 'provision',
			instruction:
				'Provision a MobilePASS token to {user:acme-u1} (Assignment > Search User > select the user > Provision > MobilePASS).',
			why: 'The same MobilePASS token type serves both apps: the user needs a new token for MobilePASS+, since an enrolled token cannot move between apps.',
			hint: 'Assignment > Search User lists users; select the user, then Provision. The dialog shows how many tokens are Available.',
			target: 'tour:nav-assignment',
			notes:
				'Point out the Available count in the Provision dialog: it drops by one. The user receives an enrollment email at once.',
			reads: ['enrollments'],
			check: (w) => isProvisioned(w, USER),
			doItForMe: provisionUsers([USER])
		},
		{
			id: 'open-email',
			instruction: "On {user:acme-u1}'s phone, open the enrollment email in Mail.",
			why: 'The user must open the email on a compatible device: the auto-enrollment link only works on the phone that will hold the token.',
			hint: 'The phone on the right shows the user’s home screen; tap Mail.',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'The email names the serial and the date the link expires (7 days, the task’s Stop Date).',
			reads: ['mail', 'enrollments'],
			check: (w) =>
				w.mail.some(
					(m) =>
						m.userId === USER &&
						m.read &&
						w.enrollments.some((e) => e.code === m.enrollmentCode && e.userId === USER)
				),
			doItForMe: openEnrollmentMail(USER)
		},
		{
			id: 'enroll',
			instruction:
				'Follow the link to the self-enrollment page, enroll the token in MobilePASS+ and tap Allow when asked about notifications.',
			why: 'Enrollment records Target, Device Type and Push OTP on the token. Allow gives Push OTP Enabled.',
			hint: 'Install MobilePASS+ from the App Store first if the phone does not have it.',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'Open Tokens > Tokens and click the serial (or Assignment > Tokens): Mobile App shows Target iOS, Device Type Mobile, Push OTP Enabled. The phone itself is an iPhone 8 on iOS 15.8: the model and version stay on the phone. Shortcuts > Provisioning Tasks shows the user Active until the first sign-in, then Completed.',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones'],
			check: (w) => onMobilePassPlus(w, USER),
			doItForMe: enrollPlus([USER], true)
		},
		{
			id: 'revoke-old',
			instruction:
				"Revoke {user:acme-u1}'s MobilePASS 8 token with the reason return to inventory.",
			why: 'A revoked token returns to inventory and can migrate the next user; its old codes stop working.',
			hint: 'Tokens > Tokens (Token List): filter by the user, click the MobilePASS 8 serial, then Revoke.',
			target: 'tour:nav-tokens',
			notes:
				'The MobilePASS 8 app still shows the token on the phone, but its codes no longer validate. Inventory goes back up by one on the Snapshot.',
			reads: ['tokens', 'appTokens', 'phones'],
			check: (w) => mp8Returned(w, USER),
			doItForMe: revokeMp8([USER])
		},
		{
			id: 'sign-in',
			instruction: 'Sign in to STA User Portal as {user:acme-u1} with the MobilePASS+ token.',
			why: 'A migration is done when the user can sign in with the new token, not when the console says Active.',
			hint: 'Open STA User Portal from the phone’s Browser bookmarks (or the Applications page). Use my mobile to autosend a password, then Approve on the phone; or type the code MobilePASS+ shows.',
			target: 'aside[aria-label="Virtual phone"]',
			notes:
				'STA User Portal is push capable. Legacy Timesheets is not: there the user types the code.',
			reads: ['tokens', 'enrollments', 'appTokens', 'phones', 'pushRequests'],
			check: (w) => {
				const t = plusToken(w, USER);
				if (!t) return false;
				const approved = w.pushRequests.some(
					(p) => p.serial === t.serial && p.status === 'Approved'
				);
				return approved || (t.lastUsedAt !== null && t.lastUsedAt >= (t.enrolledAt ?? 0));
			},
			doItForMe: signIn(USER, 'STA User Portal', true)
		}
	]
};

export default scenario;
