/**
 * The commands the virtual phone and the applications' sign-in pages run. Like commands.ts,
 * each gathers what its domain rule needs inside one transaction (see execute).
 */
import { signInWithCode } from '$lib/domain/authentication';
import { enroll } from '$lib/domain/enrollment';
import { refused } from '$lib/domain/outcome';
import {
	editPhoneProfile,
	installApp,
	removeApp,
	setAutosend,
	type PhoneAppKey,
	type PhoneProfile
} from '$lib/domain/phone';
import { answerPush, requestPush, type PushAnswer } from '$lib/domain/push';
import { randomId } from '$lib/domain/random';
import type { MobileApp } from '$lib/domain/types';
import type { SandboxDB } from './db';
import { execute, type CommandResult } from './execute';

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
	return onPhone(db, phoneId, async () => editPhoneProfile(await db.phones.get(phoneId), profile));
}

export function installAppCommand(db: SandboxDB, phoneId: string, app: PhoneAppKey) {
	return onPhone(db, phoneId, async () => installApp(await db.phones.get(phoneId), app));
}

export function removeAppCommand(db: SandboxDB, phoneId: string, app: PhoneAppKey) {
	return onPhone(db, phoneId, async () =>
		removeApp(
			await db.phones.get(phoneId),
			app,
			await db.appTokens.where('phoneId').equals(phoneId).toArray()
		)
	);
}

export async function setAutosendCommand(db: SandboxDB, appTokenId: string, on: boolean) {
	const appToken = await db.appTokens.get(appTokenId);
	if (!appToken) return missing('token on this phone');
	return onPhone(db, appToken.phoneId, async () =>
		setAutosend(await db.appTokens.get(appTokenId), await db.phones.get(appToken.phoneId), on)
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
	return onPhone(db, request.phoneId, async (at, server) => {
		const phone = (await db.phones.get(request.phoneId))!;
		const enrollment = request.code
			? await db.enrollments.where('code').equals(request.code).first()
			: // The owner's newest enrollment: at most one is open at a time (provision refuses a second).
				(await db.enrollments.where('userId').equals(phone.ownerId).toArray()).sort((a, b) =>
					a.status === 'Active' ? -1 : b.status === 'Active' ? 1 : 0
				)[0];
		if (enrollment && enrollment.serverId !== server.id)
			return refused('This enrollment belongs to another virtual server.', {
				action: 'Enroll',
				target: enrollment.serial
			});
		return enroll({
			server,
			enrollment,
			task: enrollment ? await db.tasks.get(enrollment.taskId) : undefined,
			token: enrollment ? await db.tokens.get(enrollment.serial) : undefined,
			user: enrollment ? await db.users.get(enrollment.userId) : undefined,
			phone,
			app: request.app,
			allowPush: request.allowPush,
			pin: request.pin,
			activationString: request.code ? undefined : (request.activationString ?? ''),
			at
		});
	});
}

/** The application, the user the typed name resolves to, and the user's tokens and app tokens. */
export async function signInContext(db: SandboxDB, applicationId: string, userName: string) {
	const application = await db.applications.get(applicationId);
	const user = application
		? await db.users
				.where('[serverId+userId]')
				.equals([application.serverId, userName.trim().toLowerCase()])
				.first()
		: undefined;
	const tokens = user ? await db.tokens.where('userId').equals(user.id).toArray() : [];
	const phones = user ? await db.phones.where('ownerId').equals(user.id).toArray() : [];
	const appTokens = phones.length
		? await db.appTokens
				.where('phoneId')
				.anyOf(phones.map((p) => p.id))
				.toArray()
		: [];
	return { application, user, tokens, appTokens };
}

export async function signInCommand(
	db: SandboxDB,
	applicationId: string,
	userName: string,
	code: string
) {
	const application = await db.applications.get(applicationId);
	if (!application) return missing('application');
	return execute(db, application.serverId, async (at, server) => {
		const c = await signInContext(db, applicationId, userName);
		return signInWithCode({
			server,
			application: c.application!,
			user: c.user,
			typedUserName: userName,
			tokens: c.tokens,
			enrollments: c.user ? await db.enrollments.where('userId').equals(c.user.id).toArray() : [],
			code,
			at
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
	const result = await execute(db, application.serverId, async (at) => {
		const c = await signInContext(db, applicationId, userName);
		return requestPush({
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
	return execute(db, request.serverId, async (at) => {
		const current = await db.pushRequests.get(requestId);
		const phones = await db.phones.where('ownerId').equals(request.userId).toArray();
		const appTokens = await db.appTokens.where('serial').equals(request.serial).toArray();
		return answerPush(
			current,
			await db.tokens.get(request.serial),
			await db.users.get(request.userId),
			await db.applications.get(request.applicationId),
			answer,
			at,
			{ phones, appTokens },
			await db.enrollments.where('userId').equals(request.userId).toArray()
		);
	});
}
