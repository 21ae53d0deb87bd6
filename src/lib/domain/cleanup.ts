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
	const plusByUser = new Map<string, Token>();
	for (const t of tokens)
		if (t.userId && t.app === 'MobilePASS+' && t.state === 'Active') plusByUser.set(t.userId, t);
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
