/**
 * The commands the virtual phone and the applications' sign-in pages run. Like commands.ts,
 * each gathers what its domain rule needs inside one transaction (see execute).
 */
import { AUDIT } from '$lib/domain/audit-actions';
import { signInWithCode } from '$lib/domain/authentication';
import { enroll } from '$lib/domain/enrollment';
import { refused } from '$lib/domain/outcome';
import { parseOtpauthUri } from '$lib/domain/otp';
import {
	addThirdPartyToken,
	editPhoneProfile,
	installApp,
	removeApp,
	setAutosend,
	type PhoneAppKey,
	type PhoneProfile
} from '$lib/domain/phone';
import { unlockToken } from '$lib/domain/pin';
import { answerPush, requestPush, type PushAnswer } from '$lib/domain/push';
import { randomId } from '$lib/domain/random';
import type { MobileApp } from '$lib/domain/types';
import type { SandboxDB } from './db';
import { execute, realNow, type CommandResult } from './execute';
import { signInContext } from './queries/apps';

const missing = (what: string): CommandResult => ({ ok: false, reason: `No such ${what}.` });

/** Runs a command in the virtual server of the phone's owner. */
async function onPhone(
	db: SandboxDB,
	phoneId: string,
	decide: Parameters<typeof execute>[2]
): Promise<CommandResult> {
	const phone = await db.phones.get(phoneId);
	const owner = phone ? await db.users.get(phone.ownerId) : undefined;
	if (!owner) return missing('phone');
	return execute(db, owner.serverId, decide);
}

export function editPhoneCommand(db: SandboxDB, phoneId: string, profile: PhoneProfile) {
	return onPhone(db, phoneId, async (tx) =>
		editPhoneProfile(await tx.phones.get(phoneId), profile)
	);
}

export function installAppCommand(db: SandboxDB, phoneId: string, app: PhoneAppKey) {
	return onPhone(db, phoneId, async (tx) => installApp(await tx.phones.get(phoneId), app));
}

export function removeAppCommand(db: SandboxDB, phoneId: string, app: PhoneAppKey) {
	return onPhone(db, phoneId, async (tx) =>
		removeApp(
			await tx.phones.get(phoneId),
			app,
			await tx.appTokens.where('phoneId').equals(phoneId).toArray()
		)
	);
}

export async function setAutosendCommand(db: SandboxDB, appTokenId: string, on: boolean) {
	const appToken = await db.appTokens.get(appTokenId);
	if (!appToken) return missing('token on this phone');
	return onPhone(db, appToken.phoneId, async (tx) =>
		setAutosend(await tx.appTokens.get(appTokenId), await tx.phones.get(appToken.phoneId), on)
	);
}

export interface EnrollRequest {
	phoneId: string;
	app: MobileApp;
	allowPush: boolean;
	pin: string | null;
	/** From the self-enrollment link; otherwise `activationString` finds the owner's enrollment. */
	code?: string;
	activationString?: string;
}

export function enrollCommand(db: SandboxDB, request: EnrollRequest) {
	return onPhone(db, request.phoneId, async (tx, at, server) => {
		const phone = (await tx.phones.get(request.phoneId))!;
		const enrollment = request.code
			? await tx.enrollments.where('code').equals(request.code).first()
			: // The owner's newest enrollment: at most one is open at a time (provision refuses a second).
				(await tx.enrollments.where('userId').equals(phone.ownerId).toArray()).sort((a, b) =>
					a.status === 'Active' ? -1 : b.status === 'Active' ? 1 : 0
				)[0];
		if (enrollment && enrollment.serverId !== server.id)
			return refused('This enrollment belongs to another virtual server.', {
				action: AUDIT.enroll,
				target: enrollment.serial
			});
		return enroll({
			server,
			enrollment,
			task: enrollment ? await tx.tasks.get(enrollment.taskId) : undefined,
			token: enrollment ? await tx.tokens.get(enrollment.serial) : undefined,
			user: enrollment ? await tx.users.get(enrollment.userId) : undefined,
			phone,
			app: request.app,
			allowPush: request.allowPush,
			pin: request.pin,
			activationString: request.code ? undefined : (request.activationString ?? ''),
			at
		});
	});
}

export async function signInCommand(
	db: SandboxDB,
	applicationId: string,
	userName: string,
	code: string
) {
	const application = await db.applications.get(applicationId);
	if (!application) return missing('application');
	return execute(db, application.serverId, async (tx, at, server) => {
		const c = await signInContext(tx, applicationId, userName);
		return signInWithCode({
			server,
			application: c.application!,
			user: c.user,
			typedUserName: userName,
			tokens: c.tokens,
			enrollments: c.user ? await tx.enrollments.where('userId').equals(c.user.id).toArray() : [],
			code,
			at,
			// Codes follow the real clock (a real authenticator agrees); the rest is simulated.
			otpAt: realNow()
		});
	});
}

/** Sends a push request; the sign-in page then watches the returned request id. */
export async function requestPushCommand(
	db: SandboxDB,
	applicationId: string,
	userName: string,
	location: string
): Promise<CommandResult & { requestId: string }> {
	const requestId = randomId();
	const application = await db.applications.get(applicationId);
	if (!application) return { ...missing('application'), requestId };
	const result = await execute(db, application.serverId, async (tx, at, server) => {
		const c = await signInContext(tx, applicationId, userName);
		return requestPush({
			server,
			phones: c.user ? await tx.phones.where('ownerId').equals(c.user.id).toArray() : [],
			id: requestId,
			application: c.application!,
			user: c.user,
			typedUserName: userName,
			tokens: c.tokens,
			appTokens: c.appTokens,
			location,
			at
		});
	});
	return { ...result, requestId };
}

export async function answerPushCommand(db: SandboxDB, requestId: string, answer: PushAnswer) {
	const request = await db.pushRequests.get(requestId);
	if (!request) return missing('push request');
	return execute(db, request.serverId, async (tx, at, server) => {
		const current = await tx.pushRequests.get(requestId);
		const phones = await tx.phones.where('ownerId').equals(request.userId).toArray();
		const appTokens = await tx.appTokens.where('serial').equals(request.serial).toArray();
		return answerPush(
			current,
			await tx.tokens.get(request.serial),
			await tx.users.get(request.userId),
			await tx.applications.get(request.applicationId),
			answer,
			at,
			{ phones, appTokens },
			await tx.enrollments.where('userId').equals(request.userId).toArray(),
			server
		);
	});
}

/** The app's PIN prompt (or the phone's biometrics) before a passcode or a push approval. */
export async function unlockTokenCommand(
	db: SandboxDB,
	appTokenId: string,
	answer: { pin: string } | { biometrics: true }
) {
	const appToken = await db.appTokens.get(appTokenId);
	if (!appToken) return missing('token on this phone');
	return onPhone(db, appToken.phoneId, async (tx) =>
		unlockToken(await tx.appTokens.get(appTokenId), await tx.phones.get(appToken.phoneId), answer)
	);
}

/**
 * What the MobilePASS+ camera scanned: the sandbox's own enrollment QR (an otpauth:// URI with
 * the secret of a token waiting for enrollment) gives that enrollment's link code; anything else
 * is a third-party token.
 */
export async function scannedQr(
	db: SandboxDB,
	uri: string
): Promise<{ kind: 'enrollment'; code: string } | { kind: 'third-party' }> {
	let secret = '';
	try {
		secret = parseOtpauthUri(uri).secret;
	} catch {
		return { kind: 'third-party' };
	}
	const waiting = await db.tokens
		.filter((t) => t.state === 'Assigned' && t.secret === secret)
		.first();
	const enrollment = waiting
		? (await db.enrollments.where('serial').equals(waiting.serial).toArray()).find(
				(e) => e.status === 'Active'
			)
		: undefined;
	return enrollment ? { kind: 'enrollment', code: enrollment.code } : { kind: 'third-party' };
}

export function addThirdPartyTokenCommand(db: SandboxDB, phoneId: string, uri: string) {
	return onPhone(db, phoneId, async (tx, at) =>
		addThirdPartyToken(
			await tx.phones.get(phoneId),
			uri,
			await tx.appTokens.where('phoneId').equals(phoneId).toArray(),
			`${phoneId}:tp-${randomId()}`,
			at
		)
	);
}
