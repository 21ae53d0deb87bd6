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

/** The figures the Provision dialog shows: tokens in inventory and held for enrollment. */
export async function provisionFigures(db: SandboxDB, serverId: string, sampleSize = 100) {
	const inventory = db.tokens.where('[serverId+state]').equals([serverId, 'Inventory']);
	const [available, reserved, serials] = await Promise.all([
		inventory.count(),
		db.tokens.where('[serverId+state]').equals([serverId, 'Assigned']).count(),
		inventory.limit(sampleSize).primaryKeys()
	]);
	return { available, reserved, serials: serials as string[] };
}
