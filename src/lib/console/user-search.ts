import type { Enrollment, Group, Token, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

export const USERS_PAGE_SIZE = 50;

export interface UserRow {
	user: User;
	groups: string[];
	tokens: Token[];
	/** The user's open enrollment (provisioned, not yet enrolled), if any. */
	pending: Enrollment | undefined;
}

/** Users whose name, user ID, email or group name contains the search text (any case). */
export function matchUsers(users: User[], groups: Group[], search: string): User[] {
	const q = search.trim().toLowerCase();
	if (!q) return users;
	const groupHits = new Set(
		groups.filter((g) => g.name.toLowerCase().includes(q)).map((g) => g.id)
	);
	return users.filter(
		(u) =>
			u.userId.toLowerCase().includes(q) ||
			`${u.firstName} ${u.lastName}`.toLowerCase().includes(q) ||
			u.email.toLowerCase().includes(q) ||
			u.groupIds.some((id) => groupHits.has(id))
	);
}

const byName = (a: User, b: User) =>
	a.lastName.localeCompare(b.lastName) ||
	a.firstName.localeCompare(b.firstName) ||
	a.userId.localeCompare(b.userId);

/** One page of the Assignment user search, with each user's tokens and pending enrollment. */
export async function userSearchPage(
	db: SandboxDB,
	serverId: string,
	search: string,
	groupId: string,
	page: number
) {
	const [users, groups] = await Promise.all([
		db.users.where('serverId').equals(serverId).toArray(),
		db.groups.where('serverId').equals(serverId).toArray()
	]);
	let hits = matchUsers(users, groups, search);
	if (groupId) hits = hits.filter((u) => u.groupIds.includes(groupId));
	hits.sort(byName);
	const shown = hits.slice(page * USERS_PAGE_SIZE, (page + 1) * USERS_PAGE_SIZE);
	const ids = shown.map((u) => u.id);
	const [tokens, open] = await Promise.all([
		db.tokens.where('userId').anyOf(ids).toArray(),
		db.enrollments
			.where('userId')
			.anyOf(ids)
			.filter((e) => e.status === 'Active')
			.toArray()
	]);
	const groupName = new Map(groups.map((g) => [g.id, g.name]));
	const rows: UserRow[] = shown.map((user) => ({
		user,
		groups: user.groupIds.flatMap((id) => groupName.get(id) ?? []),
		tokens: tokens.filter((t) => t.userId === user.id),
		pending: open.find((e) => e.userId === user.id)
	}));
	return { rows, matching: hits.map((u) => u.id), groups };
}

/** The figures the Provision dialog shows. */
export async function provisionFigures(db: SandboxDB, serverId: string, sampleSize = 100) {
	const inventory = db.tokens.where('[serverId+state]').equals([serverId, 'Inventory']);
	const [available, reserved, serials] = await Promise.all([
		inventory.count(),
		db.tokens.where('[serverId+state]').equals([serverId, 'Assigned']).count(),
		inventory.limit(sampleSize).primaryKeys()
	]);
	return { available, reserved, serials: serials as string[] };
}
