/**
 * Training progress in the database: the session every window shares (active scenario, the
 * presenter's step, hints) and each scenario's run. The world tables are read for checks only.
 */
import { advance, newRun, skip } from '$lib/scenarios/engine';
import {
	type Scenario,
	type ScenarioRun,
	type ViewTable,
	type WorldView
} from '$lib/scenarios/types';
import type { World } from '$lib/domain/types';
import type { SandboxDB } from './db';
import { realNow, simulatedNow, storageErrorMessage, type CommandResult } from './execute';
import { replaceWorld } from './world';
import { emptyWorld } from '$lib/domain/world-tables';
import { readSession, updateSession } from './training-session';

export function readRun(db: SandboxDB, scenarioId: string): Promise<ScenarioRun | undefined> {
	return db.scenarioRuns.get(scenarioId);
}

/** The tables a scenario's checks read, as a read-only view (the others stay empty). */
export async function loadView(db: SandboxDB, tables: Iterable<ViewTable>): Promise<WorldView> {
	const view: Record<string, unknown> = { ...emptyWorld() };
	await Promise.all([...new Set(tables)].map(async (t) => (view[t] = await db.table(t).toArray())));
	view.now = await simulatedNow(db);
	return view as unknown as WorldView;
}

/** Every table any step of the scenario reads, plus users and groups for names in the text. */
export function tablesOf(scenario: Scenario): ViewTable[] {
	return [...new Set<ViewTable>(['users', 'groups', ...scenario.steps.flatMap((s) => s.reads)])];
}

/** Builds the scenario's starting world: the seeded world, shaped by its `prepare`. */
export async function startingWorld(scenario: Scenario): Promise<World> {
	const { generateWorld } = await import('$lib/domain/seed');
	const world = generateWorld({ seed: scenario.start.seed, users: scenario.start.users });
	return scenario.start.prepare ? scenario.start.prepare(world) : world;
}

/** Start (or restart) a scenario: its starting world replaces this one; progress starts over. */
export async function startScenario(db: SandboxDB, scenario: Scenario): Promise<CommandResult> {
	try {
		const world = await startingWorld(scenario);
		const spec = { seed: scenario.start.seed, users: scenario.start.users };
		await db.transaction(
			'rw',
			[...db.worldTables, db.meta, db.scenarioRuns, db.training],
			async (tx) => {
				await replaceWorld(tx, world, spec);
				await tx.scenarioRuns.put(newRun(scenario, realNow(), await simulatedNow(tx)));
				const session = await readSession(tx);
				await tx.training.put({
					key: 'session',
					value: { ...session, activeScenarioId: scenario.id, focus: null, collapsed: false }
				});
			}
		);
		return {
			ok: true,
			message: `Scenario started: ${scenario.title}. The world was reset for it.`
		};
	} catch (error) {
		return { ok: false, reason: storageErrorMessage(error) };
	}
}

/**
 * Checks the world against the current step (and the ones after it, in order) and records the
 * steps that are now done. `view` is the world as the caller already reads it (the checklist's
 * live view); without one, it is read once, read-only. The read-write transaction covers the
 * scenario run alone, so no world table is read again or held while progress is written. Safe
 * to run from several windows: it re-reads the run first.
 */
export async function recordProgress(
	db: SandboxDB,
	scenario: Scenario,
	view?: WorldView,
	/** The run the view was read with: a view of the world before a restart decides nothing. */
	forRun?: number
): Promise<string[]> {
	const world =
		view ??
		(await db.transaction('r', [...db.worldTables, db.meta], (tx) =>
			loadView(tx, tablesOf(scenario))
		));
	return db.transaction('rw', db.scenarioRuns, async (tx) => {
		const run = await readRun(tx, scenario.id);
		if (!run || run.finishedAt !== null) return [];
		if (forRun !== undefined && run.startedAt !== forRun) return [];
		const next = advance(scenario, run, world, realNow());
		if (!next) return [];
		await tx.scenarioRuns.put(next);
		return next.steps.slice(run.steps.length).map((s) => s.stepId);
	});
}

/**
 * The world as a scenario's checks read it, with the run it belongs to. The run is read first:
 * a restart replaces world and run together, so a view can be newer than its run (then the run
 * no longer matches and nothing is decided) but never older. No explicit transaction, so that a
 * live query over it keeps watching the tables it reads.
 */
export async function loadCheckView(
	db: SandboxDB,
	scenario: Scenario
): Promise<{ view: WorldView; runStartedAt: number | undefined }> {
	const runStartedAt = (await readRun(db, scenario.id))?.startedAt;
	return { view: await loadView(db, tablesOf(scenario)), runStartedAt };
}

export async function skipStep(db: SandboxDB, scenario: Scenario): Promise<void> {
	await db.transaction('rw', [db.scenarioRuns, db.meta], async (tx) => {
		const run = await readRun(tx, scenario.id);
		if (!run) return;
		await tx.scenarioRuns.put(skip(scenario, run, realNow(), await simulatedNow(tx)));
	});
	await updateSession(db, { focus: null });
}

/** Runs a step's "Do it for me" with the world as it is now. */
export async function doItForMe(db: SandboxDB, scenario: Scenario, index: number) {
	const step = scenario.steps[index];
	if (!step?.doItForMe)
		return {
			ok: false,
			reason: 'This step has no "Do it for me": do it yourself.'
		} as CommandResult;
	const view = await loadView(db, tablesOf(scenario));
	return step.doItForMe({ db, view });
}
