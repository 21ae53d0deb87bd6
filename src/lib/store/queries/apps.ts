import type { SandboxDB } from '$lib/store/db';

/** Every application of every virtual server, for the sign-in page's application list. */
export function allApplications(db: SandboxDB) {
	return db.applications.toArray();
}

/** One push request, watched by the sign-in page while the user answers it. */
export function pushRequest(db: SandboxDB, id: string) {
	return db.pushRequests.get(id);
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
