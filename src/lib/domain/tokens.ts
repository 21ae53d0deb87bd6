import { LIFECYCLE, transition, type OPERATOR_ACTIONS } from './lifecycle';
import { accepted, put, refused, type Outcome } from './outcome';
import type { Instant, Token, TokenState, User } from './types';

export type OperatorAction = (typeof OPERATOR_ACTIONS)[number];

/** What a token that leaves its user keeps: nothing of the enrollment, and no secret. */
/** What a token without a holder carries (Inventory, Lost/Faulty): no user, no enrollment data. */
export const NO_HOLDER = {
	userId: null,
	secret: null,
	app: null,
	target: null,
	deviceType: null,
	pushOtp: null,
	provisionedAt: null,
	enrolledAt: null,
	lastUsedAt: null,
	failedCount: 0
} as const satisfies Partial<Token>;

export function unassigned(token: Token, state: TokenState): Token {
	return { ...token, state, ...NO_HOLDER };
}

/**
 * An operator's action from Token details. Revoking returns the token to Inventory (the
 * migration path: the old app's codes stop validating, since the secret is gone) or marks it
 * Lost/Faulty; reinitializing a Lost/Faulty token returns it to Inventory, where the next
 * provisioning gives it a new secret.
 */
export function operateToken(
	token: Token | undefined,
	action: OperatorAction,
	owner: User | undefined,
	_at: Instant
): Outcome {
	const label = LIFECYCLE[action].label;
	if (!token)
		return refused(`${label} is not possible: no such token.`, { action: label, target: '' });
	const note = { action: label, target: token.serial, serial: token.serial, user: owner?.userId };
	const step = transition(token.state, action, token.serial);
	if (!step.ok) return refused(step.reason, note);

	let next: Token;
	if (action === 'revokeToInventory' || action === 'revokeLostFaulty' || action === 'reinitialize')
		next = unassigned(token, step.to);
	else
		next = { ...token, state: step.to, failedCount: action === 'unlock' ? 0 : token.failedCount };
	return accepted([put('tokens', next)], {
		...note,
		detail: `${token.state} → ${step.to}`
	});
}
