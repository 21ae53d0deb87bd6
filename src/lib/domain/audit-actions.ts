/**
 * The names of audit actions that reports count, in one place so that the phone, the console and
 * the reports agree. Operator token actions use LIFECYCLE labels (lifecycle.ts).
 */
import type { LIFECYCLE } from './lifecycle';
import type { PIN_ACTION } from './pin';
import type { POLICY_ACTION } from './policy';

export const AUDIT = {
	provision: 'Provision',
	enroll: 'Enroll',
	signIn: 'Sign in',
	pushRequest: 'Push OTP request',
	pushApproved: 'Push OTP approved',
	pushDenied: 'Push OTP denied',
	tokenLocked: 'Token locked',
	removeFromTask: 'Remove from provisioning task',
	resendEmail: 'Resend enrollment email',
	changeStopDate: 'Change stop date',
	editTask: 'Edit provisioning task',
	addUser: 'Add user',
	editUser: 'Edit user',
	addGroup: 'Add group',
	importUsers: 'Import users',
	migrationCleanup: 'Revoke migrated MobilePASS 8 tokens',
	readMail: 'Read mail',
	autosendPasscode: 'Autosend Passcode',
	addThirdPartyToken: 'Add third-party token',
	editPhone: 'Edit phone'
} as const;

/**
 * Every action the audit trail may record: the names above, the token lifecycle's labels, the
 * policy and PIN settings. AuditNote.action accepts only these, so a typo does not compile.
 */
export type AuditAction =
	| (typeof AUDIT)[keyof typeof AUDIT]
	| (typeof LIFECYCLE)[keyof typeof LIFECYCLE]['label']
	| typeof POLICY_ACTION
	| typeof PIN_ACTION
	// Installing or removing an app on the virtual phone: "Install SafeNet MobilePASS+".
	| `Install ${string}`
	| `Remove ${string}`;
