import { displayUser } from '$lib/domain/format';
import type { Token, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

export const ASSIGNED_PAGE_SIZE = 50;

export interface AssignedTokenRow {
	token: Token;
	user: User;
}

export interface AssignedTokensPage {
	rows: AssignedTokenRow[];
	matching: number;
}

/**
 * Assignment > Tokens: the tokens that have a user, with that user, sorted by user ID then
 * serial. Searching matches the serial, the user ID and the name.
 */
export async function assignedTokensPage(
	db: SandboxDB,
	serverId: string,
	search: string,
	page: number
): Promise<AssignedTokensPage> {
	const [tokens, users] = await Promise.all([
		db.tokens.where('serverId').equals(serverId).toArray(),
		db.users.where('serverId').equals(serverId).toArray()
	]);
	const byId = new Map(users.map((u) => [u.id, u]));
	const q = search.trim().toLowerCase();
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
		.sort(
			(a, b) =>
				a.user.userId.localeCompare(b.user.userId) || a.token.serial.localeCompare(b.token.serial)
		);
	return {
		rows: rows.slice(page * ASSIGNED_PAGE_SIZE, (page + 1) * ASSIGNED_PAGE_SIZE),
		matching: rows.length
	};
}
