import type { SandboxDB } from '$lib/store/db';

/** The tokens an app on this phone holds, with the virtual server each belongs to (PIN type). */
export async function appTokensOn(db: SandboxDB, phoneId: string) {
	const appTokens = await db.appTokens.where('phoneId').equals(phoneId).toArray();
	const tokens = await db.tokens.bulkGet(appTokens.map((a) => a.serial));
	const servers = await db.servers.toArray();
	return appTokens
		.map((appToken, i) => ({
			appToken,
			server: servers.find((s) => s.id === tokens[i]?.serverId)
		}))
		.sort((a, b) => a.appToken.enrolledAt - b.appToken.enrolledAt);
}

/** What the self-enrollment page at /enroll/<code> shows. */
export async function enrollmentPage(db: SandboxDB, code: string) {
	const enrollment = await db.enrollments.where('code').equals(code).first();
	if (!enrollment) return { enrollment };
	const [task, token, user, server] = await Promise.all([
		db.tasks.get(enrollment.taskId),
		db.tokens.get(enrollment.serial),
		db.users.get(enrollment.userId),
		db.servers.get(enrollment.serverId)
	]);
	return { enrollment, task, token, user, server };
}

/** The applications of a virtual server, in the seeded order. */
export function applicationsOf(db: SandboxDB, serverId: string) {
	return db.applications.where('serverId').equals(serverId).sortBy('id');
}

/** The push requests still waiting for this user's answer, newest first, with their application and token. */
export async function pendingPush(db: SandboxDB, userId: string) {
	const requests = await db.pushRequests
		.where('userId')
		.equals(userId)
		.filter((r) => r.status === 'Pending')
		.toArray();
	const apps = await db.applications.bulkGet(requests.map((r) => r.applicationId));
	// The token as the app holds it: its name, and its PIN for the approval.
	const held = requests.length
		? await db.appTokens
				.where('serial')
				.anyOf(requests.map((r) => r.serial))
				.toArray()
		: [];
	return requests
		.map((request, i) => ({
			request,
			application: apps[i],
			appToken: held.find((a) => a.serial === request.serial && a.app === 'MobilePASS+')
		}))
		.sort((a, b) => b.request.createdAt - a.request.createdAt);
}
