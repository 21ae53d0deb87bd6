import { byNameOrder, matchUsers } from '$lib/domain/users';
import { referencesIn } from '$lib/scenarios/engine';
import type { Enrollment, Group, Token, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';
import { tokensOfUsers } from './tokens';

export const USERS_PAGE_SIZE = 50;

export interface UserRow {
	user: User;
	groups: string[];
	tokens: Token[];
	/** The user's open enrollment (provisioned, not yet enrolled), if any. */
	pending: Enrollment | undefined;
}

/** A virtual server's users in name order, straight from the [serverId+lastName+…] index. */
function inNameOrder(db: SandboxDB, serverId: string) {
	return (
		db.users
			.where('[serverId+lastName+firstName+userId]')
			// [serverId] sorts before every key of the server, and [serverId, []] after (an array
			// sorts after any string).
			.between([serverId], [serverId, []])
	);
}

/**
 * The users the Assignment search matches, in name order. With neither search nor group this
 * is never called for a page (the index pages it); a group reads its members only.
 */
async function matchingUsers(
	db: SandboxDB,
	serverId: string,
	groups: Group[],
	search: string,
	groupId: string
): Promise<User[]> {
	const candidates = groupId
		? (await db.users.where('groupIds').equals(groupId).toArray())
				.filter((u) => u.serverId === serverId)
				.sort(byNameOrder)
		: // Every keystroke of a search reads them all: one read serves all until a user changes.
			await db.cached(`users in name order:${serverId}`, ['users'], () =>
				inNameOrder(db, serverId).toArray()
			);
	return matchUsers(candidates, groups, search);
}

/**
 * One page of the Assignment user search, with each user's tokens and pending enrollment, and
 * how many users match in all. Without a search or group, the page is read from the name index
 * with offset and limit, so the first rows come at once at any size; the count of all the
 * server's users is then left to `userCount` when `countAll` is false (counting 10,000 index
 * entries takes longer than the whole page), and `total` is undefined.
 */
export async function userSearchPage(
	db: SandboxDB,
	serverId: string,
	search: string,
	groupId: string,
	page: number,
	countAll = true
) {
	const readGroups = db.groups.where('serverId').equals(serverId).toArray();
	let shown: User[];
	let counted: Promise<number | undefined>;
	if (!search.trim() && !groupId) {
		counted = countAll ? userCount(db, serverId) : Promise.resolve(undefined);
		shown = await inNameOrder(db, serverId)
			.offset(page * USERS_PAGE_SIZE)
			.limit(USERS_PAGE_SIZE)
			.toArray();
	} else {
		const hits = await matchingUsers(db, serverId, await readGroups, search, groupId);
		shown = hits.slice(page * USERS_PAGE_SIZE, (page + 1) * USERS_PAGE_SIZE);
		counted = Promise.resolve(hits.length);
	}
	const ids = shown.map((u) => u.id);
	const [held, open, groups, total] = await Promise.all([
		tokensOfUsers(db, ids),
		db.enrollments
			.where('userId')
			.anyOf(ids)
			.filter((e) => e.status === 'Active')
			.toArray(),
		readGroups,
		counted
	]);
	const groupName = new Map(groups.map((g) => [g.id, g.name]));
	const rows: UserRow[] = shown.map((user, i) => ({
		user,
		groups: user.groupIds.flatMap((id) => groupName.get(id) ?? []),
		tokens: held[i],
		pending: open.find((e) => e.userId === user.id)
	}));
	return { rows, total, groups };
}

/** How many users a virtual server has. */
export function userCount(db: SandboxDB, serverId: string) {
	return db.users.where('serverId').equals(serverId).count();
}

/** Every user the search matches (for "Select all N matching"), read when asked for. */
export async function matchingUserIds(
	db: SandboxDB,
	serverId: string,
	search: string,
	groupId: string
): Promise<string[]> {
	if (!search.trim() && !groupId)
		return (await db.users.where('serverId').equals(serverId).primaryKeys()) as string[];
	const groups = await db.groups.where('serverId').equals(serverId).toArray();
	return (await matchingUsers(db, serverId, groups, search, groupId)).map((u) => u.id);
}

/**
 * Assignment > Users and groups: the server's users (the CSV import checks against them) and
 * groups, with each group's member count.
 */
export async function groupMembership(db: SandboxDB, serverId: string) {
	const [users, groups] = await Promise.all([
		db.users.where('serverId').equals(serverId).toArray(),
		db.groups.where('serverId').equals(serverId).sortBy('name')
	]);
	const members = new Map<string, number>();
	for (const u of users) for (const g of u.groupIds) members.set(g, (members.get(g) ?? 0) + 1);
	return { users, groups, members };
}

/**
 * The users and groups that scenario texts name (`{user:id}`, `{group:id}`), to render those
 * texts with names: two bulk reads of the ids named, not every user of the world (the embed
 * renders each completed step's instruction, the speaker notes the running scenario's texts).
 */
export async function usersAndGroupsNamedIn(db: SandboxDB, texts: string[]) {
	const refs = texts.flatMap(referencesIn);
	const ids = (kind: 'user' | 'group') => [
		...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))
	];
	const [users, groups] = await Promise.all([
		db.users.bulkGet(ids('user')),
		db.groups.bulkGet(ids('group'))
	]);
	return {
		users: users.filter((u) => u !== undefined),
		groups: groups.filter((g) => g !== undefined)
	};
}
