import { migratedMobilePass8, type MigratedToken } from '$lib/domain/cleanup';
import { LIFECYCLE } from '$lib/domain/lifecycle';
import type { Token, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

/**
 * What the migration clean-up command of one virtual server decides from, read from the
 * [serverId+app+state] index: the Active MobilePASS+ tokens, the revocable MobilePASS 8 tokens
 * of their users, and those users. The list itself is the domain's (`migratedMobilePass8`).
 */
export async function cleanupCandidates(db: SandboxDB, serverId: string) {
	const [plus, mp8] = await Promise.all([
		db.tokens.where('[serverId+app+state]').equals([serverId, 'MobilePASS+', 'Active']).toArray(),
		db.tokens
			.where('[serverId+app+state]')
			.anyOf(LIFECYCLE.revokeToInventory.from.map((s) => [serverId, 'MobilePASS 8', s]))
			.toArray()
	]);
	const migrated = new Set(plus.map((t) => t.userId));
	const tokens: Token[] = [...plus, ...mp8.filter((t) => migrated.has(t.userId))];
	const userIds = [...new Set(tokens.flatMap((t) => (t.userId ? [t.userId] : [])))];
	const users = new Map<string, User>();
	for (const u of await db.users.bulkGet(userIds)) if (u) users.set(u.id, u);
	return { tokens, users };
}

/** The whole migration clean-up preview of one virtual server, from the tokens themselves. */
export async function cleanupPreview(db: SandboxDB, serverId: string) {
	const { tokens, users } = await cleanupCandidates(db, serverId);
	return migratedMobilePass8(tokens, users);
}

/** One page of the clean-up list (`page` from 0), and how many rows it has in all. */
export interface CleanupPage {
	page: number;
	rows: MigratedToken[];
	total: number;
}

/**
 * A page of the clean-up preview (`page` from 0), from the clean-up list kept beside the world
 * (store/cleanup-list.ts) in serial order: its rows' tokens and users are read by key, so a page
 * costs the same at any world size. What it lists is what `cleanupPreview` lists.
 */
export async function cleanupPage(
	db: SandboxDB,
	serverId: string,
	page: number,
	size: number
): Promise<CleanupPage> {
	return db.transaction('r', db.cleanupList, db.tokens, db.users, async (tx) => {
		const ofServer = () => tx.cleanupList.where('serverId').equals(serverId);
		const [total, entries] = await Promise.all([
			ofServer().count(),
			ofServer()
				.offset(page * size)
				.limit(size)
				.toArray()
		]);
		const [tokens, replacements, users] = await Promise.all([
			tx.tokens.bulkGet(entries.map((e) => e.serial)),
			tx.tokens.bulkGet(entries.map((e) => e.replacement)),
			tx.users.bulkGet(entries.map((e) => e.userId))
		]);
		const rows = entries.map((_, i) => ({
			token: tokens[i] as Token,
			user: users[i],
			replacement: replacements[i] as Token
		}));
		return { page, rows, total };
	});
}

/** The serials of the whole clean-up list of a server, in serial order: what Revoke confirms. */
export function cleanupSerials(db: SandboxDB, serverId: string): Promise<string[]> {
	return db.cleanupList.where('serverId').equals(serverId).primaryKeys();
}
