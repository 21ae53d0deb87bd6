import { migratedMobilePass8, type MigratedToken } from '$lib/domain/cleanup';
import { LIFECYCLE } from '$lib/domain/lifecycle';
import type { Token, User } from '$lib/domain/types';
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

/** How many MobilePASS 8 tokens the first rows look at per step. */
const BATCH = 100;

/**
 * The first `count` rows of the clean-up preview, so that a large world shows them at once while
 * `cleanupPreview` reads the whole list. It does not read the server's Active MobilePASS+ tokens:
 * it takes the serials of the revocable MobilePASS 8 tokens from the [serverId+app+state] index
 * (keys only), walks them in serial order in batches, and per batch reads only those tokens'
 * users' tokens (one equality read per user on the userId index), until a page is full.
 */
export async function cleanupFirstRows(db: SandboxDB, serverId: string, count: number) {
	return db.transaction('r', db.tokens, db.users, async () => {
		const keys = await Promise.all(
			LIFECYCLE.revokeToInventory.from.map((s) =>
				db.tokens.where('[serverId+app+state]').equals([serverId, 'MobilePASS 8', s]).primaryKeys()
			)
		);
		// The index lists equal keys by serial; the union of the states is sorted once here.
		const serials = (keys.flat() as string[]).sort();
		const found: MigratedToken[] = [];
		for (let i = 0; i < serials.length && found.length < count; i += BATCH) {
			const mp8 = (await db.tokens.bulkGet(serials.slice(i, i + BATCH))).filter(
				(t): t is Token => t !== undefined && t.userId !== null
			);
			const userIds = [...new Set(mp8.map((t) => t.userId as string))];
			const [held, users] = await Promise.all([
				Promise.all(userIds.map((u) => db.tokens.where('userId').equals(u).toArray())),
				db.users.bulkGet(userIds)
			]);
			const plus = held.flat().filter((t) => t.app === 'MobilePASS+' && t.state === 'Active');
			const byId = new Map<string, User>();
			for (const u of users) if (u) byId.set(u.id, u);
			found.push(...migratedMobilePass8([...plus, ...mp8], byId));
		}
		return found.sort((a, b) => a.token.serial.localeCompare(b.token.serial)).slice(0, count);
	});
}
