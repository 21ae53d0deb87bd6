import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { LIFECYCLE } from '$lib/domain/lifecycle';
import type { Token, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';
import { nextTask, readInSteps, STEP, type Steps } from './steps';

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

/** The [serverId+app+state+userId+serial] range of one app and state in a server. */
function byUser(db: SandboxDB, serverId: string, app: string, state: string) {
	return (after: unknown[] | null) =>
		db.tokens
			.where('[serverId+app+state+userId+serial]')
			.between(after ?? [serverId, app, state], [serverId, app, state, []], after === null, true);
}
const userKey = (t: Token) => [t.serverId, t.app ?? '', t.state, t.userId ?? '', t.serial];

/**
 * The clean-up preview as the page reads it: what `cleanupPreview` lists, read in steps of
 * `STEP` tokens with a pause between them (see `readInSteps`), so that the Large demo's ~7,000
 * tokens never hold the main thread for long.
 */
export async function cleanupPreviewInSteps(db: SandboxDB, serverId: string, steps: Steps = {}) {
	const step = steps.size ?? STEP;
	const [plus, ...mp8] = await Promise.all([
		readInSteps<Token>(byUser(db, serverId, 'MobilePASS+', 'Active'), userKey, steps),
		...LIFECYCLE.revokeToInventory.from.map((s) =>
			readInSteps<Token>(byUser(db, serverId, 'MobilePASS 8', s), userKey, steps)
		)
	]);
	const migrated = new Set(plus.map((t) => t.userId));
	const tokens = [...plus, ...mp8.flat().filter((t) => migrated.has(t.userId))];
	const users = new Map<string, User>();
	const ids = [...new Set(tokens.map((t) => t.userId as string))];
	for (let i = 0; i < ids.length; i += step) {
		if (i > 0) await nextTask(steps);
		for (const u of await db.users.bulkGet(ids.slice(i, i + step))) if (u) users.set(u.id, u);
	}
	return migratedMobilePass8(tokens, users);
}

/**
 * The first `count` rows of the clean-up preview, so that a large world shows them at once while
 * the whole list is read. Who is migrated, and by which token, comes from the keys of the
 * [serverId+app+state+userId+serial] index (no token decoded); the revocable MobilePASS 8 tokens
 * are read in serial order from the [serverId+app+state] index, eight times `count` per state,
 * more only if those do not give `count` rows. Then the rows' users and replacement tokens.
 */
export async function cleanupFirstRows(db: SandboxDB, serverId: string, count: number) {
	return db.transaction('r', db.tokens, db.users, async () => {
		const states = LIFECYCLE.revokeToInventory.from;
		const mp8 = (size: number) =>
			Promise.all(
				states.map((s) =>
					db.tokens
						.where('[serverId+app+state]')
						.equals([serverId, 'MobilePASS 8', s])
						.limit(size)
						.toArray()
				)
			);
		let size = Math.max(count, 1) * 8;
		const [keys, first] = await Promise.all([
			byUser(db, serverId, 'MobilePASS+', 'Active')(null).keys(),
			mp8(size)
		]);
		// A user's replacement: their Active MobilePASS+ token, the last by serial as in the preview.
		const replacement = new Map<string, string>();
		for (const k of keys as unknown as string[][]) replacement.set(k[3], k[4]);
		let taken: Token[];
		for (let per = first; ; per = await mp8((size *= 4))) {
			// A state read only in part is complete up to its last serial read: rows up to the
			// lowest such serial are the preview's first rows.
			const bound = per
				.filter((p) => p.length === size)
				.map((p) => p[p.length - 1].serial)
				.sort()[0];
			const found = per
				.flat()
				.filter(
					(t) =>
						t.userId !== null &&
						replacement.has(t.userId) &&
						(bound === undefined || t.serial <= bound)
				)
				.sort((a, b) => (a.serial < b.serial ? -1 : a.serial > b.serial ? 1 : 0));
			if (found.length >= count || bound === undefined) {
				taken = found.slice(0, count);
				break;
			}
		}
		const ids = taken.map((t) => t.userId as string);
		const [users, plus] = await Promise.all([
			db.users.bulkGet(ids),
			db.tokens.bulkGet(ids.map((u) => replacement.get(u) as string))
		]);
		const byId = new Map<string, User>();
		for (const u of users) if (u) byId.set(u.id, u);
		return migratedMobilePass8(
			[...plus.filter((t): t is Token => t !== undefined), ...taken],
			byId
		);
	});
}
