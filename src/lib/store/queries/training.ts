import type { SandboxDB } from '$lib/store/db';

/** The progress of every scenario this world has run, for the scenario library. */
export function allScenarioRuns(db: SandboxDB) {
	return db.scenarioRuns.toArray();
}
