import { migratedMobilePass8 } from '$lib/domain/cleanup';
import type { Token } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

/** The states a MobilePASS 8 token can be revoked from; the rule itself is the lifecycle's. */
const REVOCABLE = ['Active', 'Suspended', 'Locked'] as const;

/**
 * The migration clean-up preview of one virtual server, from the [serverId+app+state] index: the
 * Active MobilePASS+ tokens, and the MobilePASS 8 tokens of their users. The list itself is
 * the domain's (`migratedMobilePass8`), given only the tokens it can list.
 */
export async function cleanupPreview(db: SandboxDB, serverId: string) {
	const [plus, mp8] = await Promise.all([
		db.tokens.where('[serverId+app+state]').equals([serverId, 'MobilePASS+', 'Active']).toArray(),
		db.tokens
			.where('[serverId+app+state]')
			.anyOf(REVOCABLE.map((s) => [serverId, 'MobilePASS 8', s]))
			.toArray()
	]);
	const migrated = new Set(plus.map((t) => t.userId));
	const tokens: Token[] = [...plus, ...mp8.filter((t) => migrated.has(t.userId))];
	const userIds = [...new Set(tokens.flatMap((t) => (t.userId ? [t.userId] : [])))];
	const users = await db.users.bulkGet(userIds);
	const byId = new Map(users.flatMap((u) => (u ? [[u.id, u] as const] : [])));
	return migratedMobilePass8(tokens, byId);
}
