import { displayUser } from '$lib/domain/format';
import { maxKey, minKey } from '$lib/store/idb/table';
import type { Token, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';
import { tokensOfUsers } from './tokens';

export const ASSIGNED_PAGE_SIZE = 50;

/** Beyond this many rows, a page is read with the whole list (paging the index gains nothing). */
const INDEX_PAGED_ROWS = 20 * ASSIGNED_PAGE_SIZE;
/** Users read per step through the [serverId+userId] index (about one token each). */
const USER_BATCH = 80;

export interface AssignedTokenRow {
	token: Token;
	user: User;
}

export interface AssignedTokensPage {
	rows: AssignedTokenRow[];
	matching: number;
}

/** Compared as IndexedDB compares keys (by code unit), so index pages and sorted lists agree. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byUserThenSerial = (a: AssignedTokenRow, b: AssignedTokenRow) =>
	cmp(a.user.userId, b.user.userId) || cmp(a.token.serial, b.token.serial);

/**
 * Assignment > Tokens: the tokens that have a user, with that user, sorted by user ID then
 * serial. Searching matches the serial, the user ID and the name. Without a search, the first
 * pages come from the [serverId+userId] index, a few users at a time, and the count from index
 * counts: the first rows come at once at the Large demo.
 */
export async function assignedTokensPage(
	db: SandboxDB,
	serverId: string,
	search: string,
	page: number
): Promise<AssignedTokensPage> {
	const q = search.trim().toLowerCase();
	if (q || page * ASSIGNED_PAGE_SIZE >= INDEX_PAGED_ROWS)
		return wholeListPage(db, serverId, q, page);
	return db.transaction('r', db.users, db.tokens, async (tx) => {
		// Tokens with a user: all but those in Inventory and Lost/Faulty (which have none).
		const [all, inventory, lost] = await Promise.all([
			tx.tokens.where('serverId').equals(serverId).count(),
			tx.tokens.where('[serverId+state]').equals([serverId, 'Inventory']).count(),
			tx.tokens.where('[serverId+state]').equals([serverId, 'Lost/Faulty']).count()
		]);
		const rows: AssignedTokenRow[] = [];
		let skip = page * ASSIGNED_PAGE_SIZE;
		let after: string | null = null;
		while (rows.length < ASSIGNED_PAGE_SIZE) {
			const users: User[] = await tx.users
				.where('[serverId+userId]')
				.between([serverId, after ?? minKey], [serverId, maxKey], after === null)
				.limit(USER_BATCH)
				.toArray();
			if (users.length === 0) break;
			const held = await tokensOfUsers(
				tx,
				users.map((u) => u.id)
			);
			users.forEach((user, i) => {
				for (const token of held[i].sort((a, b) => cmp(a.serial, b.serial))) {
					if (skip > 0) skip--;
					else if (rows.length < ASSIGNED_PAGE_SIZE) rows.push({ token, user });
				}
			});
			after = users[users.length - 1].userId;
		}
		return { rows, matching: all - inventory - lost };
	});
}

/** A page of the whole list: for a search, and for pages far from the start. */
async function wholeListPage(
	db: SandboxDB,
	serverId: string,
	q: string,
	page: number
): Promise<AssignedTokensPage> {
	const [tokens, users] = await Promise.all([
		db.tokens.where('serverId').equals(serverId).toArray(),
		db.users.where('serverId').equals(serverId).toArray()
	]);
	const byId = new Map(users.map((u) => [u.id, u]));
	const rows = tokens
		.flatMap((token) => {
			const user = token.userId ? byId.get(token.userId) : undefined;
			return user ? [{ token, user }] : [];
		})
		.filter(
			({ token, user }) =>
				!q ||
				token.serial.includes(q) ||
				user.userId.toLowerCase().includes(q) ||
				displayUser(user).toLowerCase().includes(q)
		)
		.sort(byUserThenSerial);
	return {
		rows: rows.slice(page * ASSIGNED_PAGE_SIZE, (page + 1) * ASSIGNED_PAGE_SIZE),
		matching: rows.length
	};
}
