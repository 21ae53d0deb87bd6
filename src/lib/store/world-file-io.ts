/** Export and import of a whole world with its training progress (see world-files/world-file). */
import { simNow, type ClockState } from '$lib/domain/clock';
import type { World } from '$lib/domain/types';
import { WORLD_FILE_APP, WORLD_FILE_FORMAT, type WorldFile } from '$lib/world-files/world-file';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { type SandboxDB } from './db';
import { realNow, storageErrorMessage, type CommandResult } from './execute';
import { readClock, readWorldInfo } from './meta';
import { replaceWorld } from './world';

function rebase(clock: ClockState, now: number): ClockState {
	return { simAt: simNow(clock, now), realAt: now, paused: clock.paused };
}

export async function exportWorldFile(db: SandboxDB): Promise<WorldFile> {
	return db.transaction('r', [...db.worldTables, db.meta, db.scenarioRuns], async (tx) => {
		const world = {} as Record<string, unknown[]>;
		for (const t of WORLD_TABLES) world[t] = await tx.table(t).toArray();
		const info = await readWorldInfo(tx);
		return {
			app: WORLD_FILE_APP,
			format: WORLD_FILE_FORMAT,
			exportedAt: new Date(realNow()).toISOString(),
			spec: { seed: info?.seed ?? '', users: info?.users ?? 0 },
			// Anchored at the export: the saved simAt is the simulated time of the export itself,
			// so that an import (re-anchored at its own moment) does not lose what ran since.
			clock: rebase(await readClock(tx), realNow()),
			world: world as unknown as World,
			scenarioRuns: await tx.scenarioRuns.toArray()
		};
	});
}

/**
 * Replaces the world and the training progress with a validated world file, in one transaction:
 * if any write fails, the world as it was stays.
 */
export async function importWorldFile(db: SandboxDB, snap: WorldFile): Promise<CommandResult> {
	try {
		await db.transaction(
			'rw',
			[...db.worldTables, db.meta, db.scenarioRuns, db.training],
			async (tx) => {
				await replaceWorld(tx, snap.world, snap.spec, snap.clock.simAt);
				// Keep the clock as it was saved (paused or running), anchored at this moment.
				await tx.meta.put({ key: 'clock', value: { ...snap.clock, realAt: realNow() } });
				await tx.scenarioRuns.clear();
				if (snap.scenarioRuns.length) await tx.scenarioRuns.bulkPut(snap.scenarioRuns);
			}
		);
		const users = snap.world.users.length;
		return {
			ok: true,
			message: `World file imported: ${snap.world.servers.length} virtual server(s), ${users} users, ${snap.world.tokens.length} tokens.`
		};
	} catch (error) {
		return { ok: false, reason: storageErrorMessage(error) };
	}
}
