/**
 * What the scenario engine's run does not say: which steps "Do it for me" ran, and which steps
 * the trainee read the hint for. Kept beside the run in the training table, tied to the run by
 * its start time, so a restart starts them over. The completion summary and the learning
 * platform's score read them.
 */
import { liveQuery } from './idb/live-query';
import type { ScenarioRun } from '$lib/scenarios/types';
import type { SandboxDB } from './db';

export interface StepMarks {
	/** The run these marks belong to (ScenarioRun.startedAt). */
	startedAt: number;
	assisted: string[];
	hinted: string[];
}

type MarksRow = { key: string; value: StepMarks };
const table = (db: SandboxDB) => db.table<MarksRow, string>('training');
const keyOf = (scenarioId: string) => `marks:${scenarioId}`;

export async function readMarks(
	db: SandboxDB,
	scenarioId: string,
	startedAt: number
): Promise<StepMarks> {
	const row = await table(db).get(keyOf(scenarioId));
	return row && row.value.startedAt === startedAt
		? row.value
		: { startedAt, assisted: [], hinted: [] };
}

/** Marks (or unmarks) one step of the run that started at `startedAt`. */
export async function markStep(
	db: SandboxDB,
	scenarioId: string,
	startedAt: number,
	stepId: string,
	kind: 'assisted' | 'hinted',
	on = true
) {
	await db.transaction('rw', db.training, async (tx) => {
		const marks = await readMarks(tx, scenarioId, startedAt);
		const ids = marks[kind].filter((id) => id !== stepId);
		if (on) ids.push(stepId);
		await table(tx).put({ key: keyOf(scenarioId), value: { ...marks, [kind]: ids } });
	});
}

/** Puts back a run and its marks as a learning platform kept them (another browser, a reset). */
export async function restoreRun(db: SandboxDB, run: ScenarioRun, marks: StepMarks) {
	await db.transaction('rw', [db.scenarioRuns, db.training], async (tx) => {
		await tx.scenarioRuns.put(run);
		await table(tx).put({ key: keyOf(run.scenarioId), value: marks });
	});
}

/** Calls back with the run and its marks now and at every change, until unsubscribed. */
export function watchRun(
	db: SandboxDB,
	scenarioId: string,
	callback: (run: ScenarioRun | undefined, marks: StepMarks | undefined) => void
): () => void {
	const subscription = liveQuery(async () => {
		const run = await db.scenarioRuns.get(scenarioId);
		return { run, marks: run ? await readMarks(db, scenarioId, run.startedAt) : undefined };
	}).subscribe({ next: ({ run, marks }) => callback(run, marks) });
	return () => subscription.unsubscribe();
}
