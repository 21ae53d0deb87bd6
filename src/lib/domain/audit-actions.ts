/**
 * The names of audit actions that reports count, in one place so that the phone, the console and
 * the reports agree. Operator token actions use LIFECYCLE labels (lifecycle.ts).
 */
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
	migrationCleanup: 'Revoke migrated MobilePASS 8 tokens'
} as const;
