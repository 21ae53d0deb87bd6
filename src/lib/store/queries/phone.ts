import { byNameOrder } from '$lib/domain/users';
import type { Phone, User } from '$lib/domain/types';
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

/** How many users the phone picker lists at most: it is a search, not a directory. */
export const PICKER_LIMIT = 20;

type Owner = { user: User; phone: Phone | undefined };

/** Each user's phone, read by owner, for a bounded list of users. */
async function withPhones(db: SandboxDB, users: User[]): Promise<Owner[]> {
	const phones = await db.phones
		.where('ownerId')
		.anyOf(users.map((u) => u.id))
		.toArray();
	const byOwner = new Map(phones.map((p) => [p.ownerId, p]));
	return users.map((user) => ({ user, phone: byOwner.get(user.id) }));
}

/** The users of one server whose key in `index` starts with `prefix` (an indexed range read). */
function startingWith(db: SandboxDB, index: string, serverId: string, prefix: string) {
	return db.users
		.where(index)
		.between([serverId, prefix], [serverId, prefix + '\uffff'], true, true)
		.limit(PICKER_LIMIT)
		.toArray();
}

/**
 * The phone picker's list: the users whose last name or user name starts with `search`
 * (last names as typed or capitalised, user names in lower case), in name order within each
 * virtual server, at most PICKER_LIMIT. Every read is an index range with a limit, so it stays
 * quick at the Large demo's 10,000 users. An empty search lists the first users of each server.
 */
export async function phonePickerMatches(db: SandboxDB, search: string): Promise<Owner[]> {
	const servers = (await db.servers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
	const typed = search.trim();
	const perServer = await Promise.all(
		servers.map(async (server) => {
			if (!typed)
				return db.users
					.where('[serverId+lastName+firstName+userId]')
					.between([server.id], [server.id, []])
					.limit(Math.ceil(PICKER_LIMIT / servers.length))
					.toArray();
			const capitalised = typed[0].toUpperCase() + typed.slice(1);
			const lastNames = [...new Set([typed, capitalised])];
			const found = await Promise.all([
				...lastNames.map((p) =>
					startingWith(db, '[serverId+lastName+firstName+userId]', server.id, p)
				),
				startingWith(db, '[serverId+userId]', server.id, typed.toLowerCase())
			]);
			const unique = new Map(found.flat().map((u) => [u.id, u]));
			return [...unique.values()].sort(byNameOrder);
		})
	);
	return withPhones(db, perServer.flat().slice(0, PICKER_LIMIT));
}

/** The chosen phone's owner and phone, for the picker's closed state. */
export async function phoneOwner(db: SandboxDB, userId: string): Promise<Owner | undefined> {
	const user = userId ? await db.users.get(userId) : undefined;
	return user ? (await withPhones(db, [user]))[0] : undefined;
}
