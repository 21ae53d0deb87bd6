import { containerOf } from '$lib/domain/containers';
import { displayUser } from '$lib/domain/format';
import { TOKEN_STATES, type Token, type TokenState, type User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

export const PAGE_SIZE = 50;

/**
 * The Token List's columns as the product has them: "token type, token state, serial number,
 * container, and user ID" (thalesdocs.com/sta/operator/tokens). Device and push details are in
 * the token details and the Users – With Tokens report.
 */
export const TOKEN_COLUMNS = [
	{ key: 'serial', label: 'Serial Number' },
	{ key: 'type', label: 'Token Type' },
	{ key: 'state', label: 'Token State' },
	{ key: 'container', label: 'Container' },
	{ key: 'user', label: 'User ID' }
] as const;
export type TokenColumn = (typeof TOKEN_COLUMNS)[number]['key'];

/** App filter: one of the two apps, or tokens not enrolled in any ("—"). */
export type AppFilter = '' | 'MobilePASS 8' | 'MobilePASS+' | 'none';

export interface TokenListQuery {
	search: string;
	state: TokenState | '';
	app: AppFilter;
	sort: TokenColumn;
	descending: boolean;
	page: number;
}

export interface TokenRow {
	token: Token;
	user: User | undefined;
}

export interface TokenListPage {
	rows: TokenRow[];
	/** Tokens that match the search and filters. */
	matching: number;
}

const stateOrder = new Map(TOKEN_STATES.map((s, i) => [s, i]));

function sortKey(row: TokenRow, column: TokenColumn): string | number {
	const t = row.token;
	switch (column) {
		case 'state':
			return stateOrder.get(t.state) ?? 0;
		case 'user':
			return row.user ? row.user.userId.toLowerCase() : '\uffff';
		case 'container':
			return containerOf(t);
		default:
			return t.serial;
	}
}

function matches(row: TokenRow, q: string): boolean {
	if (row.token.serial.includes(q)) return true;
	const u = row.user;
	return !!u && (u.userId.toLowerCase().includes(q) || displayUser(u).toLowerCase().includes(q));
}

/**
 * One page of the Token List. The common view (sorted by serial, maybe filtered by state) reads
 * only its 50 rows through the serverId and [serverId+state] indexes, which list tokens in
 * serial order; searching, the App filter and other sorts read the virtual server's tokens.
 */
export async function tokenListPage(
	db: SandboxDB,
	serverId: string,
	q: TokenListQuery
): Promise<TokenListPage> {
	const byIndex = q.state
		? db.tokens.where('[serverId+state]').equals([serverId, q.state])
		: db.tokens.where('serverId').equals(serverId);
	const search = q.search.trim().toLowerCase();
	const fast =
		!search && !q.app && (q.sort === 'serial' || q.sort === 'type' || q.sort === 'container');
	if (fast) {
		const ordered = q.descending ? byIndex.reverse() : byIndex;
		const [matching, tokens] = await Promise.all([
			byIndex.count(),
			ordered
				.offset(q.page * PAGE_SIZE)
				.limit(PAGE_SIZE)
				.toArray()
		]);
		return { rows: await withUsers(db, tokens), matching };
	}
	const tokens = await byIndex.toArray();
	const needsUsers = !!search || q.sort === 'user';
	let rows: TokenRow[] = needsUsers
		? await withAllUsers(db, serverId, tokens)
		: tokens.map((token) => ({ token, user: undefined }));
	if (q.app) rows = rows.filter((r) => (q.app === 'none' ? !r.token.app : r.token.app === q.app));
	if (search) rows = rows.filter((r) => matches(r, search));
	const dir = q.descending ? -1 : 1;
	rows.sort((a, b) => {
		const ka = sortKey(a, q.sort);
		const kb = sortKey(b, q.sort);
		if (ka < kb) return -dir;
		if (ka > kb) return dir;
		return a.token.serial < b.token.serial ? -dir : dir;
	});
	const page = rows.slice(q.page * PAGE_SIZE, (q.page + 1) * PAGE_SIZE);
	if (!needsUsers)
		return {
			rows: await withUsers(
				db,
				page.map((r) => r.token)
			),
			matching: rows.length
		};
	return { rows: page, matching: rows.length };
}

async function withUsers(db: SandboxDB, tokens: Token[]): Promise<TokenRow[]> {
	const ids = [...new Set(tokens.flatMap((t) => t.userId ?? []))];
	const users = new Map((await db.users.bulkGet(ids)).flatMap((u) => (u ? [[u.id, u]] : [])));
	return tokens.map((token) => ({
		token,
		user: token.userId ? users.get(token.userId) : undefined
	}));
}

async function withAllUsers(db: SandboxDB, serverId: string, tokens: Token[]) {
	const users = new Map(
		(await db.users.where('serverId').equals(serverId).toArray()).map((u) => [u.id, u])
	);
	return tokens.map((token) => ({
		token,
		user: token.userId ? users.get(token.userId) : undefined
	}));
}

/** One token and its user, for Token Details. */
export async function tokenDetails(db: SandboxDB, serial: string) {
	const token = await db.tokens.get(serial);
	const user = token?.userId ? await db.users.get(token.userId) : undefined;
	return { token, user };
}

/**
 * The tokens of each of `userIds`, in that order: one equality read per user, all in one read
 * transaction. Parallel getAll requests are several times faster than anyOf's cursor, which
 * seeks once per user (50 users at the Large demo: about 12 ms against 40).
 */
export function tokensOfUsers(db: SandboxDB, userIds: string[]): Promise<Token[][]> {
	return db.transaction('r', db.tokens, (tx) =>
		Promise.all(userIds.map((id) => tx.tokens.where('userId').equals(id).toArray()))
	);
}
