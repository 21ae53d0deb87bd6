import { describe, expect, it } from 'vitest';
import { LIFECYCLE, TOKEN_ACTIONS, canTransition, transition } from './lifecycle';
import { TOKEN_STATES, type TokenState } from './types';

/** The table of shared/domain.md, written out again independently of LIFECYCLE. */
const EXPECTED: [TokenState, string, TokenState][] = [
	['Inventory', 'provision', 'Assigned'],
	['Assigned', 'enroll', 'Active'],
	['Assigned', 'removeFromTask', 'Inventory'],
	['Active', 'suspend', 'Suspended'],
	['Suspended', 'reactivate', 'Active'],
	['Active', 'lock', 'Locked'],
	['Locked', 'unlock', 'Active'],
	['Active', 'revokeToInventory', 'Inventory'],
	['Suspended', 'revokeToInventory', 'Inventory'],
	['Locked', 'revokeToInventory', 'Inventory'],
	['Active', 'revokeLostFaulty', 'Lost/Faulty'],
	['Suspended', 'revokeLostFaulty', 'Lost/Faulty'],
	['Locked', 'revokeLostFaulty', 'Lost/Faulty'],
	['Lost/Faulty', 'reinitialize', 'Inventory']
];

describe('token lifecycle', () => {
	it.each(EXPECTED)('%s --%s--> %s', (from, action, to) => {
		const result = transition(from, action as keyof typeof LIFECYCLE, '1234567890');
		expect(result).toEqual({ ok: true, to });
	});

	const refusedPairs = TOKEN_STATES.flatMap((state) =>
		TOKEN_ACTIONS.filter((a) => !EXPECTED.some(([f, act]) => f === state && act === a)).map(
			(a) => [state, a] as const
		)
	);

	it('refuses every other state and action pair', () => {
		// 6 states x 10 actions, less the 14 allowed pairs
		expect(refusedPairs).toHaveLength(6 * 10 - 14);
	});

	it.each(refusedPairs)('refuses %s + %s, naming both', (state, action) => {
		expect(canTransition(state, action)).toBe(false);
		const result = transition(state, action, '1234567890');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.reason).toContain(state);
			expect(result.reason).toContain(LIFECYCLE[action].label);
			expect(result.reason).toContain('1234567890');
		}
	});
});
