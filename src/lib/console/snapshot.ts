import { countByState, type StateCounts } from '$lib/domain/snapshot';
import { TOKEN_STATES } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

/** Counts per token state for one virtual server, from the [serverId+state] index alone. */
export async function stateCounts(db: SandboxDB, serverId: string): Promise<StateCounts> {
	const counts = await Promise.all(
		TOKEN_STATES.map((s) => db.tokens.where('[serverId+state]').equals([serverId, s]).count())
	);
	const result = countByState([]);
	TOKEN_STATES.forEach((s, i) => (result[s] = counts[i]));
	return result;
}
