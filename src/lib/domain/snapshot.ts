import { TOKEN_STATES, type Token, type TokenState } from './types';

export type StateCounts = Record<TokenState, number>;

export function emptyCounts(): StateCounts {
	return Object.fromEntries(TOKEN_STATES.map((s) => [s, 0])) as StateCounts;
}

export function countByState(tokens: Iterable<Pick<Token, 'state'>>): StateCounts {
	const counts = emptyCounts();
	for (const t of tokens) counts[t.state]++;
	return counts;
}

/**
 * Snapshot > Allocation. STA: Maximum is what is allocated to the virtual server, In Use what is
 * consumed, Available what is "available for assignment to users", so Maximum = In Use +
 * Available (thalesdocs.com/sta/operator/tokens/allocatn). Sandbox choice: a Lost/Faulty token
 * is consumed (In Use) until it is reinitialized, since it cannot be assigned.
 */
export interface Allocation {
	/** Every MobilePASS token allocated to the virtual server. */
	maximum: number;
	/** Tokens with a user (Assigned, Active, Suspended, Locked) and Lost/Faulty tokens. */
	inUse: number;
	/** Tokens in Inventory, ready to provision. */
	available: number;
	/** The Lost/Faulty part of In Use, for the page's explanation. */
	lostFaulty: number;
}

export function allocation(c: StateCounts): Allocation {
	const inUse = c.Assigned + c.Active + c.Suspended + c.Locked + c['Lost/Faulty'];
	return {
		maximum: inUse + c.Inventory,
		inUse,
		available: c.Inventory,
		lostFaulty: c['Lost/Faulty']
	};
}
