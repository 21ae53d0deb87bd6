import { generateWorld } from '$lib/domain/seed';
import type { World } from '$lib/domain/types';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { SandboxDB } from './db';
import { replaceWorld } from './world';

let counter = 0;

/** A fresh database in fake-indexeddb, holding the demo world (or `world`). */
export async function testDb(world?: World): Promise<SandboxDB> {
	const db = new SandboxDB(`test-${++counter}-${Math.random()}`);
	const spec = { seed: 'acme-demo', users: 25 };
	await replaceWorld(db, world ?? generateWorld(spec), spec);
	return db;
}

/** Every world table's rows, for before/after comparisons. */
export async function dumpTables(db: SandboxDB, except: string[] = []) {
	const out: Record<string, unknown[]> = {};
	for (const t of WORLD_TABLES) if (!except.includes(t)) out[t] = await db.table(t).toArray();
	return out;
}
