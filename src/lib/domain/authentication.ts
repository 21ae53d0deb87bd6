import { AUDIT } from './audit-actions';
import { transition } from './lifecycle';
import {
	accepted,
	countedRefusal,
	put,
	refused,
	type AuditNote,
	type Change,
	type Outcome
} from './outcome';
import { verifyTotp } from './otp';
import { completedBySignIn } from './provisioning';
import type {
	AppToken,
	Application,
	Enrollment,
	Instant,
	Token,
	User,
	VirtualServer
} from './types';

/** Why a token cannot be used to sign in, or null when it can. */
export function unusableReason(token: Token): string | null {
	switch (token.state) {
		case 'Active':
			return token.secret ? null : `Token ${token.serial} has no secret.`;
		case 'Assigned':
			return `Token ${token.serial} is not enrolled yet: complete the enrollment from your email first.`;
		case 'Suspended':
			return `Token ${token.serial} is Suspended: ask your help desk to reactivate it.`;
		case 'Locked':
			return `Token ${token.serial} is Locked after too many failed sign-ins: ask your help desk to unlock it.`;
		default:
			return `Token ${token.serial} was revoked (${token.state}): ask your help desk for a new token.`;
	}
}

/** The tokens a sign-in may use, or the reason none can be used. */
function usableTokens(
	user: User,
	tokens: Token[]
): { ok: true; tokens: Token[] } | { ok: false; reason: string } {
	const mine = tokens.filter((t) => t.userId === user.id);
	if (mine.length === 0)
		return {
			ok: false,
			reason: `${user.userId} has no MobilePASS token: ask your help desk to provision one.`
		};
	const usable = mine.filter((t) => unusableReason(t) === null);
	if (usable.length === 0)
		return { ok: false, reason: mine.map((t) => unusableReason(t)).join(' ') };
	return { ok: true, tokens: usable };
}

export interface SignInInput {
	server: VirtualServer;
	application: Application;
	/** The user the typed user name resolves to in the application's virtual server. */
	user: User | undefined;
	typedUserName: string;
	/** The user's tokens (any state). */
	tokens: Token[];
	/** The user's provisioning-task lines: the first sign-in with a token completes its line. */
	enrollments?: Enrollment[];
	code: string;
	at: Instant;
}

/**
 * Sign in with a typed passcode, checked against every usable token of the user (one time-step
 * either side). A wrong code counts against each of them; at the lockout threshold a token locks.
 */
export function signInWithCode(input: SignInInput): Outcome {
	const { server, application, user, code, at } = input;
	const note: AuditNote = {
		action: AUDIT.signIn,
		target: application.name,
		user: user?.userId ?? input.typedUserName,
		actor: user?.userId ?? input.typedUserName
	};
	if (!user)
		return refused(
			`Sign-in failed: there is no user "${input.typedUserName}" in ${server.name}.`,
			note
		);
	const usable = usableTokens(user, input.tokens);
	if (!usable.ok) return refused(usable.reason, note);
	const match = usable.tokens.find((t) =>
		verifyTotp({ secret: t.secret!, digits: t.digits, period: t.period }, code, at)
	);
	if (match) {
		const completed = completedBySignIn(input.enrollments ?? [], match.serial);
		return accepted([put('tokens', { ...match, lastUsedAt: at, failedCount: 0 }), ...completed], {
			...note,
			serial: match.serial,
			detail:
				`${application.name}: passcode of token ${match.serial} accepted` +
				(completed.length ? '; provisioning task Completed (first sign-in)' : '')
		});
	}

	const changes: Change[] = [];
	const locks: AuditNote[] = [];
	let worst = 0;
	for (const t of usable.tokens) {
		const failedCount = t.failedCount + 1;
		worst = Math.max(worst, failedCount);
		const lock =
			failedCount >= server.lockoutThreshold ? transition(t.state, 'lock', t.serial) : null;
		changes.push(put('tokens', { ...t, failedCount, state: lock?.ok ? lock.to : t.state }));
		if (lock?.ok)
			locks.push({
				action: AUDIT.tokenLocked,
				target: t.serial,
				serial: t.serial,
				user: user.userId,
				actor: user.userId,
				detail: `${failedCount} failed sign-ins (threshold ${server.lockoutThreshold}): Active → Locked`,
				outcome: 'Success'
			});
	}
	const reason = locks.length
		? `Wrong passcode. Your token is now Locked after ${server.lockoutThreshold} failed sign-ins: ask your help desk to unlock it.`
		: `Wrong passcode (${worst} of ${server.lockoutThreshold} failed attempts before your token locks). Type the code your MobilePASS app shows now.`;
	const outcome = countedRefusal(reason, changes, { ...note, serial: usable.tokens[0].serial });
	if (outcome.ok) outcome.audit.push(...locks);
	return outcome;
}

export type PushOption =
	{ ok: true; token: Token; appToken: AppToken } | { ok: false; reason: string };

/**
 * Whether "Use my mobile to autosend a password" is offered: the application is push capable,
 * and the user has an Active MobilePASS+ token whose app has Autosend Passcode on.
 */
export function pushOption(
	application: Application,
	user: User | undefined,
	tokens: Token[],
	appTokens: AppToken[]
): PushOption {
	if (!application.pushCapable)
		return {
			ok: false,
			reason: `${application.name} (${application.integration}) does not support Push OTP: type the passcode your app shows.`
		};
	if (!user) return { ok: false, reason: 'Unknown user.' };
	const plus = tokens.filter(
		(t) => t.userId === user.id && t.app === 'MobilePASS+' && t.state === 'Active'
	);
	if (plus.length === 0)
		return {
			ok: false,
			reason: 'Push OTP needs an Active MobilePASS+ token: type the passcode your app shows.'
		};
	for (const token of plus) {
		const appToken = appTokens.find(
			(a) => a.serial === token.serial && a.app === 'MobilePASS+' && a.secret === token.secret
		);
		if (appToken?.autosend) return { ok: true, token, appToken };
	}
	return {
		ok: false,
		reason:
			'Push OTP is off in your MobilePASS+ app: turn on Autosend Passcode in its Settings, or type the passcode.'
	};
}
