/** The emails STA sends a provisioned user: the enrollment link, and (on request) a cancellation. */
import { formatDateTime } from './format';
import { randomId } from './random';
import type { Enrollment, Instant, Mail, ProvisioningTask, User, VirtualServer } from './types';

export const STA_SENDER = 'SafeNet Trusted Access <no-reply@safenet-sta.example>';

/** A new, unread email from STA to the user, addressed by first name. */
function staMail(
	user: User,
	subject: string,
	text: string,
	link: Pick<Mail, 'enrollmentCode' | 'expiresAt'>,
	at: Instant
): Mail {
	const body = `Hello ${user.firstName},\n\n${text}`;
	return {
		id: randomId(),
		userId: user.id,
		from: STA_SENDER,
		subject,
		body,
		...link,
		receivedAt: at,
		read: false
	};
}

export function enrollmentMail(
	server: VirtualServer,
	user: User,
	enrollment: Enrollment,
	task: ProvisioningTask,
	at: Instant
): Mail {
	return staMail(
		user,
		'SafeNet MobilePASS+ token enrollment',
		`${server.name} has assigned you a SafeNet MobilePASS token (serial ${enrollment.serial}).\n\n` +
			'1. Open this email on the phone you will use for sign-in.\n' +
			'2. Install SafeNet MobilePASS+ from your app store.\n' +
			'3. Tap the link below to open the self-enrollment page, then tap "Enroll your SafeNet MobilePASS+ token".\n\n' +
			`The link expires on ${formatDateTime(task.stopDate)} (UTC).`,
		{ enrollmentCode: enrollment.code, expiresAt: task.stopDate },
		at
	);
}

/** Sandbox choice: the wording of the email a removed user gets when the operator asks for it. */
export function cancellationMail(
	server: VirtualServer,
	user: User,
	line: Enrollment,
	at: Instant
): Mail {
	return staMail(
		user,
		'SafeNet MobilePASS token enrollment cancelled',
		`${server.name} has cancelled your enrollment of SafeNet MobilePASS token ${line.serial}. ` +
			'The link in your enrollment email no longer works.\n\n' +
			'If you still need a token, contact your help desk.',
		{ enrollmentCode: null, expiresAt: null },
		at
	);
}
