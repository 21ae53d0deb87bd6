import { AUDIT } from './audit-actions';
import { deviceTypeOf, mobilePassPlusSupport, osLabel, supportsPush, targetOf } from './devices';
import { formatDateTime } from './format';
import { transition } from './lifecycle';
import { accepted, countedRefusal, put, refused, type AuditNote, type Outcome } from './outcome';
import { enrollmentStatus } from './provisioning';
import type {
	AppToken,
	Enrollment,
	Instant,
	MobileApp,
	Phone,
	ProvisioningTask,
	PushOtp,
	Token,
	User,
	VirtualServer
} from './types';

/** Wrong activation strings that lock an enrollment (Provisioning task status Locked). */
export const MAX_ENROLLMENT_ATTEMPTS = 5;

/** Why a self-enrollment link does not work, in words a user can act on. */
export interface DeadLink {
	status: 'Unknown' | 'Expired' | 'Removed' | 'Enrolled' | 'Completed' | 'Locked';
	title: string;
	advice: string;
}

export function deadLink(
	enrollment: Enrollment | undefined,
	task: Pick<ProvisioningTask, 'stopDate'> | undefined,
	at: Instant
): DeadLink | null {
	if (!enrollment || !task)
		return {
			status: 'Unknown',
			title: 'This enrollment link is not valid',
			advice:
				'Open the link from your most recent enrollment email, or ask your help desk for a new one.'
		};
	const status = enrollmentStatus(enrollment, task, at);
	switch (status) {
		case 'Active':
			return null;
		case 'Expired':
			return {
				status,
				title: 'This enrollment link has expired',
				advice: `The link was valid until ${formatDateTime(task.stopDate)} (UTC). Ask your help desk to provision you again, or to set a new stop date for the task and resend the email.`
			};
		case 'Removed':
			return {
				status,
				title: 'This enrollment was cancelled',
				advice:
					'Your administrator removed you from the provisioning task, so this link no longer works. Ask your help desk if you still need a token.'
			};
		case 'Enrolled':
		case 'Completed':
			return {
				status,
				title: 'This enrollment link has already been used',
				advice: `Token ${enrollment.serial} is already enrolled. Open MobilePASS to use it; if you changed phones, ask your help desk for a new token.`
			};
		case 'Locked':
			return {
				status,
				title: 'This enrollment is locked',
				advice: `Too many wrong activation strings were entered (${MAX_ENROLLMENT_ATTEMPTS}). Ask your help desk to provision a new token.`
			};
	}
}

/** Whether this phone can enroll with `app` at all, and why not. */
export function deviceCheck(phone: Phone, app: MobileApp): string | null {
	const installed =
		app === 'MobilePASS+' ? phone.installed.mobilePassPlus : phone.installed.mobilePass8;
	if (app === 'MobilePASS+') {
		const support = mobilePassPlusSupport(phone);
		if (!support.ok) return `This device is not compatible with MobilePASS+. ${support.reason}`;
	}
	if (!installed)
		return `${app} is not installed on this device. Install it from the App Store first.`;
	return null;
}

export interface EnrollInput {
	server: VirtualServer;
	enrollment: Enrollment | undefined;
	task: ProvisioningTask | undefined;
	token: Token | undefined;
	user: User | undefined;
	phone: Phone;
	app: MobileApp;
	/** The answer to "permit push notifications?" (Allow = true, No Thanks = false). */
	allowPush: boolean;
	pin: string | null;
	/** Set when the user typed an activation string instead of following the link. */
	activationString?: string;
	at: Instant;
}

/** Whether the app asks for a PIN: MobilePASS 8 always did; MobilePASS+ when the policy says. */
export function needsPin(server: Pick<VirtualServer, 'pinPolicy'>, app: MobileApp): boolean {
	return app === 'MobilePASS 8' || server.pinPolicy !== 'None';
}

function pushOtpAtEnrollment(app: MobileApp, allowPush: boolean, phone: Phone): PushOtp {
	if (app === 'MobilePASS 8') return 'Not Applicable';
	return allowPush && supportsPush(phone) ? 'Enabled' : 'Disabled';
}

const digitsOnly = (s: string) => s.replace(/\D/g, '');

/**
 * The user completes enrollment on their phone: the token becomes Active with the device's
 * Target, Device Type and Push OTP, the task line Completed, and the app holds the token.
 */
export function enroll(input: EnrollInput): Outcome {
	const { server, enrollment, task, token, user, phone, app, at } = input;
	const note: AuditNote = {
		action: AUDIT.enroll,
		target: enrollment?.serial ?? '',
		serial: enrollment?.serial,
		user: user?.userId,
		actor: user?.userId
	};
	const dead = deadLink(enrollment, task, at);
	if (dead || !enrollment || !token || !user)
		return refused(dead ? `${dead.title}. ${dead.advice}` : 'No such enrollment.', note);
	if (phone.ownerId !== enrollment.userId)
		return refused(
			`This enrollment is for ${enrollment.email}, not for the owner of this phone.`,
			note
		);
	const device = deviceCheck(phone, app);
	if (device) return refused(device, note);
	if (
		input.activationString !== undefined &&
		digitsOnly(input.activationString) !== digitsOnly(enrollment.activationString)
	) {
		const failedAttempts = enrollment.failedAttempts + 1;
		const locked = failedAttempts >= MAX_ENROLLMENT_ATTEMPTS;
		const reason = locked
			? `Wrong activation string. The enrollment is now Locked after ${MAX_ENROLLMENT_ATTEMPTS} failed attempts: ask your help desk for a new token.`
			: `Wrong activation string (${failedAttempts} of ${MAX_ENROLLMENT_ATTEMPTS} attempts). Check it in the self-enrollment page and try again.`;
		return countedRefusal(
			reason,
			[
				put('enrollments', {
					...enrollment,
					failedAttempts,
					status: locked ? 'Locked' : enrollment.status
				})
			],
			note
		);
	}
	if (needsPin(server, app) && !/^\d{4,8}$/.test(input.pin ?? ''))
		return refused('Choose a PIN of 4 to 8 digits.', note);
	const step = transition(token.state, 'enroll', token.serial);
	if (!step.ok || !token.secret)
		return refused(step.ok ? `Token ${token.serial} has no secret.` : step.reason, note);

	const pushOtp = pushOtpAtEnrollment(app, input.allowPush, phone);
	const appToken: AppToken = {
		// One card per enrollment: a reused serial enrolled again on this phone (in the other
		// app) must not replace the card the first enrollment left there.
		id: `${phone.id}:${enrollment.id}`,
		phoneId: phone.id,
		app,
		serial: token.serial,
		secret: token.secret,
		digits: token.digits,
		period: token.period,
		label: `${server.name} (${user.userId})`,
		enrolledAt: at,
		autosend: pushOtp === 'Enabled',
		pin: needsPin(server, app) ? input.pin : null
	};
	return accepted(
		[
			put('tokens', {
				...token,
				state: step.to,
				app,
				target: targetOf(phone),
				deviceType: deviceTypeOf(phone),
				pushOtp,
				enrolledAt: at,
				failedCount: 0
			}),
			// Completed only after the first sign-in (provisioning.completedBySignIn).
			put('enrollments', { ...enrollment, status: 'Enrolled' }),
			put('appTokens', appToken)
		],
		{
			...note,
			detail: `${app} on ${phone.model} (${osLabel(phone)}): Target ${targetOf(phone) ?? '—'}, Device Type ${deviceTypeOf(phone)}, Push OTP ${pushOtp}`
		}
	);
}
