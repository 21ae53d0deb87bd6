/** The training session record, apart from the engine: the sandbox's first load reads only this. */
import { DEFAULT_SESSION, type TrainingSession } from '$lib/scenarios/types';
import type { SandboxDB } from './db';

export async function readSession(db: SandboxDB): Promise<TrainingSession> {
	const rec = await db.training.get('session');
	return { ...DEFAULT_SESSION, ...rec?.value };
}

export async function updateSession(db: SandboxDB, change: Partial<TrainingSession>) {
	await db.transaction('rw', db.training, async (tx) => {
		const value = { ...(await readSession(tx)), ...change };
		await tx.training.put({ key: 'session', value });
	});
}
