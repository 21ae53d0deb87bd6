import type { SandboxDB } from '$lib/store/db';

/** The phone's owner, their phone, and their mail: what the phone pane shows. */
export async function phoneOf(db: SandboxDB, userId: string) {
	const [user, phone, mail] = await Promise.all([
		db.users.get(userId),
		db.phones.where('ownerId').equals(userId).first(),
		db.mail.where('userId').equals(userId).toArray()
	]);
	mail.sort((a, b) => b.receivedAt - a.receivedAt);
	return { user, phone, mail };
}

/** Every user with their phone, for the picker, ordered by name within each virtual server. */
export async function phoneOwners(db: SandboxDB) {
	const [users, phones] = await Promise.all([db.users.toArray(), db.phones.toArray()]);
	const byOwner = new Map(phones.map((p) => [p.ownerId, p]));
	return users
		.map((user) => ({ user, phone: byOwner.get(user.id) }))
		.sort(
			(a, b) =>
				a.user.serverId.localeCompare(b.user.serverId) ||
				a.user.lastName.localeCompare(b.user.lastName) ||
				a.user.firstName.localeCompare(b.user.firstName)
		);
}
