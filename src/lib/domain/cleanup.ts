import { AUDIT } from './audit-actions';
import { LIFECYCLE, transition } from './lifecycle';
import { accepted, put, refused, type AuditNote, type Change, type Outcome } from './outcome';
import { unassigned } from './tokens';
import type { Token, User } from './types';

/** A MobilePASS 8 token whose user already has an Active MobilePASS+ token. */
export interface MigratedToken {
	token: Token;
	user: User | undefined;
	/** The user's Active MobilePASS+ token that replaces it. */
	replacement: Token;
}

/**
 * The migration clean-up list: "after users enroll new tokens in MobilePASS+, you can revoke
 * their tokens in MobilePASS 8, return them to inventory, and then reuse them". Only tokens that
 * revoking can take (Active, Suspended, Locked) are listed.
 */
export function migratedMobilePass8(
	tokens: readonly Token[],
	users: ReadonlyMap<string, User>
): MigratedToken[] {
	// A user with two Active MobilePASS+ tokens: the last by serial replaces, in any input order.
	const plusByUser = new Map<string, Token>();
	for (const t of tokens)
		if (t.userId && t.app === 'MobilePASS+' && t.state === 'Active') {
			const other = plusByUser.get(t.userId);
			if (!other || other.serial < t.serial) plusByUser.set(t.userId, t);
		}
	const out: MigratedToken[] = [];
	for (const t of tokens) {
		if (t.app !== 'MobilePASS 8' || !t.userId) continue;
		const replacement = plusByUser.get(t.userId);
		if (!replacement || !transition(t.state, 'revokeToInventory').ok) continue;
		out.push({ token: t, user: users.get(t.userId), replacement });
	}
	return out.sort((a, b) => a.token.serial.localeCompare(b.token.serial));
}

/**
 * One row of the clean-up list as the store keeps it beside the world (store/cleanup-list.ts),
 * so that the page reads a page of it instead of every Active MobilePASS+ token.
 */
export interface CleanupEntry {
	/** The MobilePASS 8 token's serial. */
	serial: string;
	serverId: string;
	userId: string;
	/** The serial of the Active MobilePASS+ token that replaces it. */
	replacement: string;
}

/** The clean-up list's rows for these tokens: whole users' tokens, as `migratedMobilePass8` lists them. */
export function cleanupEntries(tokens: readonly Token[]): CleanupEntry[] {
	return migratedMobilePass8(tokens, new Map()).map(({ token, replacement }) => ({
		serial: token.serial,
		serverId: token.serverId,
		userId: token.userId as string,
		replacement: replacement.serial
	}));
}

/**
 * Whether a token, as it was before a write or as it is after, can change its user's rows in
 * the clean-up list: any MobilePASS 8 token of a user, or an Active MobilePASS+ one.
 */
export function bearsOnCleanup(t: Token): boolean {
	return (
		t.userId !== null &&
		(t.app === 'MobilePASS 8' || (t.app === 'MobilePASS+' && t.state === 'Active'))
	);
}

/**
 * Revoke, with reason "return to inventory", the MobilePASS 8 tokens the operator confirmed from
 * the preview. If the list changed since the preview (a token was revoked, a MobilePASS+ token
 * suspended), nothing is revoked: the operator confirms what they saw, or previews again.
 */
export function revokeMigratedMobilePass8(
	confirmed: readonly string[],
	tokens: readonly Token[],
	users: ReadonlyMap<string, User>
): Outcome {
	const note: AuditNote = {
		action: AUDIT.migrationCleanup,
		target: `${confirmed.length} token(s)`
	};
	if (confirmed.length === 0)
		return refused(
			'There is nothing to revoke: no MobilePASS 8 token belongs to a user with an Active MobilePASS+ token.',
			note
		);
	const eligible = new Map(migratedMobilePass8(tokens, users).map((m) => [m.token.serial, m]));
	const stale = confirmed.filter((s) => !eligible.has(s));
	if (stale.length)
		return refused(
			`Nothing was revoked: the list changed since the preview (${stale.join(', ')} no longer ` +
				'qualify). Preview the list again.',
			note
		);
	const changes: Change[] = [];
	const audit: AuditNote[] = [];
	for (const serial of confirmed) {
		const { token, user } = eligible.get(serial)!;
		changes.push(put('tokens', unassigned(token, 'Inventory')));
		audit.push({
			action: LIFECYCLE.revokeToInventory.label,
			target: serial,
			serial,
			user: user?.userId,
			detail: `${token.state} → Inventory (migration clean-up: the user has an Active MobilePASS+ token)`
		});
	}
	return accepted(changes, ...audit);
}
