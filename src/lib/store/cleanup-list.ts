/**
 * The migration clean-up list, kept beside the world: one row per MobilePASS 8 token whose user
 * has an Active MobilePASS+ token (the domain's `cleanupEntries`). The page lists those tokens a
 * page at a time in serial order. Found from the tokens alone, that first page means reading
 * who holds an Active MobilePASS+ token, about 2,000 index entries at the Large demo and 100 to
 * 200 ms; this list makes it one short index read. The list is derived, never saved in a world
 * file: the two writes of tokens keep it, in their own transaction (`applyChanges` after a
 * command, `replaceWorld` for a new world), and the model-based test checks it after every step.
 */
import { bearsOnCleanup, cleanupEntries } from '$lib/domain/cleanup';
import type { Token } from '$lib/domain/types';
import type { SandboxDB } from './db';
import { tokensOfUsers } from './queries/tokens';

/** The whole list again, from every token of a new world. */
export async function rebuildCleanupList(db: SandboxDB, tokens: readonly Token[]) {
	await db.cleanupList.clear();
	await db.cleanupList.bulkAdd(cleanupEntries(tokens));
}

/**
 * After a write of tokens: the rows of each user whose tokens, as they were (`before`) or as they
 * are now (`after`), bear on the list are worked out again from all of that user's tokens.
 */
export async function updateCleanupList(
	db: SandboxDB,
	before: readonly (Token | undefined)[],
	after: readonly Token[]
) {
	const users = new Set<string>();
	for (const t of [...before, ...after]) if (t && bearsOnCleanup(t)) users.add(t.userId as string);
	if (!users.size) return;
	const ids = [...users];
	const [held] = await Promise.all([
		tokensOfUsers(db, ids),
		db.cleanupList.where('userId').anyOf(ids).delete()
	]);
	await db.cleanupList.bulkAdd(cleanupEntries(held.flat()));
}
