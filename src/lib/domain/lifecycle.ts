import type { TokenState } from './types';

/**
 * The token lifecycle of shared/domain.md as one table: every transition a token can make.
 * Anything not in this table is refused, with a message that names the state and the action.
 */
export const LIFECYCLE = {
	provision: { label: 'Provision', from: ['Inventory'], to: 'Assigned' },
	enroll: { label: 'Enroll', from: ['Assigned'], to: 'Active' },
	removeFromTask: { label: 'Remove from provisioning task', from: ['Assigned'], to: 'Inventory' },
	suspend: { label: 'Suspend', from: ['Active'], to: 'Suspended' },
	reactivate: { label: 'Reactivate', from: ['Suspended'], to: 'Active' },
	lock: { label: 'Lock', from: ['Active'], to: 'Locked' },
	unlock: { label: 'Unlock', from: ['Locked'], to: 'Active' },
	revokeToInventory: {
		label: 'Revoke (return to inventory)',
		from: ['Active', 'Suspended', 'Locked'],
		to: 'Inventory'
	},
	revokeLostFaulty: {
		label: 'Revoke (Lost/Faulty)',
		from: ['Active', 'Suspended', 'Locked'],
		to: 'Lost/Faulty'
	},
	reinitialize: { label: 'Reinitialize', from: ['Lost/Faulty'], to: 'Inventory' }
} as const satisfies Record<string, { label: string; from: readonly TokenState[]; to: TokenState }>;

export type TokenAction = keyof typeof LIFECYCLE;
export const TOKEN_ACTIONS = Object.keys(LIFECYCLE) as TokenAction[];

/** The actions an operator takes from Token details (the others happen to the token). */
export const OPERATOR_ACTIONS = [
	'suspend',
	'reactivate',
	'unlock',
	'revokeToInventory',
	'revokeLostFaulty',
	'reinitialize'
] as const satisfies readonly TokenAction[];

export function canTransition(state: TokenState, action: TokenAction): boolean {
	return (LIFECYCLE[action].from as readonly TokenState[]).includes(state);
}

export type Transition = { ok: true; to: TokenState } | { ok: false; reason: string };

/** Where `action` takes a token in `state`, or why it cannot. */
export function transition(state: TokenState, action: TokenAction, serial = ''): Transition {
	const rule = LIFECYCLE[action];
	if (canTransition(state, action)) return { ok: true, to: rule.to };
	const token = serial ? `Token ${serial}` : 'The token';
	return {
		ok: false,
		reason: `${rule.label} is not allowed: ${token} is ${state}. ${rule.label} needs a token that is ${rule.from.join(' or ')}.`
	};
}
