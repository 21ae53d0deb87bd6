import { startClock, WORLD_START, type ClockState } from '$lib/domain/clock';
import type { Preferences, SandboxDB, WorldInfo } from './db';

export async function readClock(db: SandboxDB): Promise<ClockState> {
	const rec = await db.meta.get('clock');
	return rec?.key === 'clock' ? rec.value : startClock(WORLD_START, 0, true);
}

export async function readWorldInfo(db: SandboxDB): Promise<WorldInfo | undefined> {
	const rec = await db.meta.get('world');
	return rec?.key === 'world' ? rec.value : undefined;
}

export async function readPreferences(db: SandboxDB): Promise<Preferences | undefined> {
	const rec = await db.meta.get('preferences');
	return rec?.key === 'preferences' ? rec.value : undefined;
}
