import { AUDIT } from './audit-actions';
import { pushOption, unusableReason } from './authentication';
import { formatDateTime } from './format';
import { accepted, countedRefusal, put, refused, type AuditNote, type Outcome } from './outcome';
import { policyTarget, pushAllowedFor } from './policy';
import { completedBySignIn } from './provisioning';
import type {
	AppToken,
	Application,
	Enrollment,
	Instant,
	Phone,
	PushRequest,
	Token,
	User,
	VirtualServer
} from './types';
import { PUSH_TIMEOUT, pushStatus } from './push-status';

export interface PushInput {
	id: string;
	application: Application;
	user: User | undefined;
	typedUserName: string;
	tokens: Token[];
	appTokens: AppToken[];
	location: string;
	at: Instant;
	/** The virtual server and the user's phones: its policy must allow push for the target. */
	server?: VirtualServer;
	phones?: Phone[];
}

/**
 * Software Token & Push OTP Settings at this moment: is push on for the target of the phone that
 * holds the token? Null when it is, else why not.
 */
export function pushPolicyRefusal(
	server: VirtualServer | undefined,
	phone: Phone | undefined
): string | null {
	if (!server || !phone) return null;
	if (pushAllowedFor(server, phone)) return null;
	return `Push OTP is off for ${policyTarget(phone) ?? phone.os} in ${server.name}'s Software Token & Push OTP Settings: type the passcode your app shows.`;
}

const holder = (phones: Phone[] | undefined, appToken: AppToken | undefined) =>
	phones?.find((p) => p.id === appToken?.phoneId);

/** "Use my mobile to autosend a password": send a request to the user's MobilePASS+. */
export function requestPush(input: PushInput): Outcome {
	const { application, user, at } = input;
	const note: AuditNote = {
		action: AUDIT.pushRequest,
		target: application.name,
		user: user?.userId ?? input.typedUserName,
		actor: user?.userId ?? input.typedUserName
	};
	if (!user) return refused(`Sign-in failed: unknown user "${input.typedUserName}".`, note);
	const option = pushOption(application, user, input.tokens, input.appTokens);
	if (!option.ok) return refused(option.reason, note);
	const policy = pushPolicyRefusal(input.server, holder(input.phones, option.appToken));
	if (policy) return refused(policy, note);
	const request: PushRequest = {
		id: input.id,
		serverId: application.serverId,
		userId: user.id,
		serial: option.token.serial,
		applicationId: application.id,
		location: input.location,
		createdAt: at,
		expiresAt: at + PUSH_TIMEOUT,
		status: 'Pending'
	};
	return accepted([put('pushRequests', request)], {
		...note,
		serial: option.token.serial,
		detail: `${application.name}: request sent to MobilePASS+ token ${option.token.serial}`
	});
}

/** Approve, Deny, or Deny and "Yes, Report". */
export type PushAnswer = 'approve' | 'deny' | 'report';

/** The user's phones and the token cards on them, as they are at the moment of the answer. */
export interface UserDevices {
	phones: Phone[];
	appTokens: AppToken[];
}

/**
 * Why the request's token can no longer be answered from MobilePASS+: the card that received it
 * (this enrollment: same serial and secret) must still be in MobilePASS+ on the user's phone.
 */
function missingApp(token: Token, user: User, devices: UserDevices): string | null {
	const card = devices.appTokens.find(
		(a) => a.serial === token.serial && a.app === 'MobilePASS+' && a.secret === token.secret
	);
	const phone = card && devices.phones.find((p) => p.id === card.phoneId);
	if (!card || !phone || phone.ownerId !== user.id || !phone.installed.mobilePassPlus)
		return `MobilePASS+ no longer holds token ${token.serial} on this phone, so the request cannot be answered: sign in again, or type a passcode.`;
	return null;
}

/**
 * The answer, checked at the moment it is given: the request still pending and within its time,
 * MobilePASS+ still holding the token on the user's phone, and (to approve) the token Active.
 */
export function answerPush(
	request: PushRequest | undefined,
	token: Token | undefined,
	user: User | undefined,
	application: Application | undefined,
	answer: PushAnswer,
	at: Instant,
	devices: UserDevices,
	/** The user's provisioning-task lines: the first sign-in with a token completes its line. */
	enrollments: Enrollment[] = [],
	/** The virtual server: approval re-checks its Software Token & Push OTP Settings. */
	server?: VirtualServer
): Outcome {
	const approve = answer === 'approve';
	const note: AuditNote = {
		action: approve ? AUDIT.pushApproved : AUDIT.pushDenied,
		target: application?.name ?? '',
		serial: request?.serial,
		user: user?.userId,
		actor: user?.userId
	};
	if (!request || !token || !user || !application)
		return refused('This request no longer exists.', note);
	const status = pushStatus(request, at);
	if (status === 'Expired')
		return countedRefusal(
			`This request expired at ${formatDateTime(request.expiresAt)}: sign in again to get a new one.`,
			[put('pushRequests', { ...request, status: 'Expired' })],
			note
		);
	if (status !== 'Pending') return refused(`This request was already answered (${status}).`, note);
	const gone = missingApp(token, user, devices);
	if (gone) return refused(gone, note);
	if (!approve) {
		const reported = answer === 'report';
		return accepted(
			[put('pushRequests', { ...request, status: reported ? 'Reported' : 'Denied' })],
			{
				...note,
				detail: `${application.name}: denied${reported ? ' and reported as fraudulent' : ''}`
			}
		);
	}
	const unusable = unusableReason(token);
	if (unusable) return refused(unusable, note);
	const card = devices.appTokens.find((a) => a.serial === token.serial && a.app === 'MobilePASS+');
	const off = pushPolicyRefusal(
		server,
		devices.phones.find((p) => p.id === card?.phoneId)
	);
	if (off) return refused(off, note);
	return accepted(
		[
			put('pushRequests', { ...request, status: 'Approved' }),
			put('tokens', { ...token, lastUsedAt: at, failedCount: 0 }),
			...completedBySignIn(enrollments, token.serial)
		],
		{ ...note, detail: `${application.name}: approved on MobilePASS+` },
		{
			action: AUDIT.signIn,
			target: application.name,
			serial: token.serial,
			user: user.userId,
			actor: user.userId,
			detail: `${application.name}: signed in with Push OTP (token ${token.serial})`
		}
	);
}
