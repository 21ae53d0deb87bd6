import { TOKEN_STATES, type Token, type TokenState } from '../types';

/** One line of the Token inventory report: a state, split by the app that enrolled the token. */
export interface InventoryLine {
	state: TokenState;
	mobilePass8: number;
	mobilePassPlus: number;
	/** Not enrolled: Inventory, Assigned and Lost/Faulty tokens carry no app. */
	notEnrolled: number;
	total: number;
}

export function tokenInventory(tokens: Pick<Token, 'state' | 'app'>[]): InventoryLine[] {
	const lines = new Map<TokenState, InventoryLine>(
		TOKEN_STATES.map((state) => [
			state,
			{ state, mobilePass8: 0, mobilePassPlus: 0, notEnrolled: 0, total: 0 }
		])
	);
	for (const t of tokens) {
		const line = lines.get(t.state)!;
		if (t.app === 'MobilePASS 8') line.mobilePass8++;
		else if (t.app === 'MobilePASS+') line.mobilePassPlus++;
		else line.notEnrolled++;
		line.total++;
	}
	return [...lines.values()];
}

export function inventoryTotals(lines: InventoryLine[]): Omit<InventoryLine, 'state'> {
	const sum = (f: keyof Omit<InventoryLine, 'state'>) => lines.reduce((n, l) => n + l[f], 0);
	return {
		mobilePass8: sum('mobilePass8'),
		mobilePassPlus: sum('mobilePassPlus'),
		notEnrolled: sum('notEnrolled'),
		total: sum('total')
	};
}
