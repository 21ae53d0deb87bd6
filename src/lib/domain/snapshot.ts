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

export interface Allocation {
	/** Every MobilePASS token the virtual server holds. */
	maximum: number;
	/** Tokens with a user: Assigned, Active, Suspended or Locked. */
	inUse: number;
	/** Tokens in Inventory, ready to provision. Lost/Faulty tokens are neither, until reinitialized. */
	available: number;
}

export function allocation(c: StateCounts): Allocation {
	const inUse = c.Assigned + c.Active + c.Suspended + c.Locked;
	return { maximum: inUse + c.Inventory + c['Lost/Faulty'], inUse, available: c.Inventory };
}
