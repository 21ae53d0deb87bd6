import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { LIFECYCLE } from '$lib/domain/lifecycle';
import type { Token, TokenState, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

/**
 * What the migration clean-up of one virtual server looks at, from the [serverId+app+state]
 * index: the Active MobilePASS+ tokens, the revocable MobilePASS 8 tokens of their users, and
 * those users. Both the preview and the clean-up command read this; the list itself is the
 * domain's (`migratedMobilePass8`).
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

/** The migration clean-up preview of one virtual server. */
export async function cleanupPreview(db: SandboxDB, serverId: string) {
	const { tokens, users } = await cleanupCandidates(db, serverId);
	return migratedMobilePass8(tokens, users);
}

/** The first `count` migrated tokens in one revocable state, in serial order, from the index. */
async function firstMigrated(
	db: SandboxDB,
	serverId: string,
	state: TokenState,
	migrated: ReadonlySet<string | null>,
	count: number
) {
	const found: Token[] = [];
	await db.tokens
		.where('[serverId+app+state]')
		.equals([serverId, 'MobilePASS 8', state])
		.until(() => found.length >= count)
		.each((t) => {
			if (t.userId && migrated.has(t.userId)) found.push(t);
		});
	return found;
}

/**
 * The first `count` rows of the clean-up preview, so that a large world shows them at once while
 * `cleanupPreview` reads the whole list. The index lists equal keys in serial order: reading each
 * revocable state only until it holds `count` migrated tokens finds the first rows of their union.
 */
export async function cleanupFirstRows(db: SandboxDB, serverId: string, count: number) {
	return db.transaction('r', db.tokens, db.users, async () => {
		const plus = await db.tokens
			.where('[serverId+app+state]')
			.equals([serverId, 'MobilePASS+', 'Active'])
			.toArray();
		const migrated = new Set(plus.map((t) => t.userId));
		const mp8 = (
			await Promise.all(
				LIFECYCLE.revokeToInventory.from.map((s) => firstMigrated(db, serverId, s, migrated, count))
			)
		).flat();
		const holders = new Set(mp8.map((t) => t.userId));
		const users = new Map<string, User>();
		for (const u of await db.users.bulkGet([...holders] as string[])) if (u) users.set(u.id, u);
		const tokens = [...plus.filter((t) => holders.has(t.userId)), ...mp8];
		return migratedMobilePass8(tokens, users).slice(0, count);
	});
}
