/**
 * Token commands: an operator action on one token (Token List > serial), and the migration
 * clean-up's revoke of many. Each reads what its rule needs inside the transaction.
 */
import { revokeMigratedMobilePass8 } from '$lib/domain/cleanup';
import { operateToken, type OperatorAction } from '$lib/domain/tokens';
import type { SandboxDB } from './db';
import { execute, type CommandResult } from './execute';
import { cleanupCandidates } from './queries/cleanup';

export async function operateTokenCommand(db: SandboxDB, serial: string, action: OperatorAction) {
	const token = await db.tokens.get(serial);
	if (!token) return { ok: false, reason: `No token with serial ${serial}.` } as CommandResult;
	return execute(db, token.serverId, async (tx, at) => {
		const current = await tx.tokens.get(serial);
		const owner = current?.userId ? await tx.users.get(current.userId) : undefined;
		return operateToken(current, action, owner, at);
	});
}

/** Revoke (return to inventory) the confirmed MobilePASS 8 tokens of migrated users, at once. */
export async function revokeMigratedCommand(db: SandboxDB, serverId: string, serials: string[]) {
	return execute(db, serverId, async (tx) => {
		const { tokens, users } = await cleanupCandidates(tx, serverId);
		return revokeMigratedMobilePass8(serials, tokens, users);
	});
}
