import { startClock, WORLD_START } from '$lib/domain/clock';
import { DEMO_SPEC, type WorldSpec } from '$lib/domain/world-spec';
import type { World } from '$lib/domain/types';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { type Preferences, type SandboxDB } from './db';
import { realNow, storageErrorMessage, type CommandResult } from './execute';
import { rebuildCleanupList } from './cleanup-list';
import { readWorldInfo } from './meta';

/** The generator (and the OTP library it uses) loads only when a world is built. */
async function generate(spec: WorldSpec): Promise<World> {
	const { generateWorld } = await import('$lib/domain/seed');
	return generateWorld(spec);
}

function firstPhoneUser(world: World): string {
	// The first MobilePASS 8 holder: the user a trainee migrates first.
	const holder = world.tokens.find((t) => t.state === 'Active' && t.userId);
	return holder?.userId ?? world.users[0]?.id ?? '';
}

/** How far a reset has gone: generating (no count yet), then records written of all. */
export type WorldProgress =
	{ phase: 'generating' } | { phase: 'writing'; done: number; total: number };
export type OnWorldProgress = (progress: WorldProgress) => void;

/** Rows per bulkAdd: small enough to report progress often, large enough to stay fast. */
const CHUNK = 2000;

/**
 * Replaces the whole world, in one transaction, and restarts the clock at the world's start.
 * Written in chunks inside that transaction so that a large world can report progress; if any
 * chunk fails, the transaction aborts and the old world stays.
 */
export async function replaceWorld(
	db: SandboxDB,
	world: World,
	spec: WorldSpec,
	startAt = WORLD_START,
	onProgress?: OnWorldProgress
): Promise<void> {
	const preferences: Preferences = {
		serverId: world.servers[0]?.id ?? '',
		phoneUserId: firstPhoneUser(world)
	};
	await db.transaction('rw', [...db.worldTables, db.meta], async (tx) => {
		await Promise.all([...tx.worldTables, tx.meta].map((t) => t.clear()));
		const total = WORLD_TABLES.reduce((n, t) => n + world[t].length, 0);
		let done = 0;
		onProgress?.({ phase: 'writing', done, total });
		for (const name of WORLD_TABLES) {
			const rows = world[name] as unknown[];
			for (let i = 0; i < rows.length; i += CHUNK) {
				const chunk = rows.slice(i, i + CHUNK);
				await tx.table(name).bulkAdd(chunk);
				done += chunk.length;
				onProgress?.({ phase: 'writing', done, total });
			}
		}
		await rebuildCleanupList(tx, world.tokens);
		await tx.meta.bulkPut([
			{ key: 'world', value: { seed: spec.seed, users: spec.users, createdAt: realNow() } },
			{ key: 'clock', value: startClock(startAt, realNow()) },
			{ key: 'preferences', value: preferences }
		]);
	});
}

/** Reset world: build the seeded world again and start over. */
export async function resetWorld(
	db: SandboxDB,
	spec: WorldSpec = DEMO_SPEC,
	onProgress?: OnWorldProgress
): Promise<CommandResult> {
	try {
		onProgress?.({ phase: 'generating' });
		// Let the progress paint before the generator holds the main thread.
		await new Promise((r) => setTimeout(r, 0));
		const world = await generate(spec);
		await replaceWorld(db, world, spec, WORLD_START, onProgress);
		return {
			ok: true,
			message: `The world was reset to the seed "${spec.seed}" (${spec.users} users).`
		};
	} catch (error) {
		return { ok: false, reason: storageErrorMessage(error) };
	}
}

/** On first open, seed the demo world; if another tab is already doing it, use theirs. */
export async function ensureWorld(db: SandboxDB): Promise<void> {
	if (await readWorldInfo(db)) return;
	const world = await generate(DEMO_SPEC);
	await db.transaction('rw', [...db.worldTables, db.meta], async (tx) => {
		if (!(await readWorldInfo(tx))) await replaceWorld(tx, world, DEMO_SPEC);
	});
}
