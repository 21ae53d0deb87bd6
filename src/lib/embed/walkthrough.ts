import { loadScenario } from '$lib/scenarios/catalog';
import { currentIndex } from '$lib/scenarios/engine';
import type { Scenario } from '$lib/scenarios/types';
import type { SandboxDB } from '$lib/store/db';
import type { CommandResult } from '$lib/store/execute';
import {
	doItForMe,
	readRun,
	readSession,
	recordProgress,
	skipStep,
	startScenario,
	updateSession
} from '$lib/store/training';

/**
 * What the embed does with a scenario: open it (keeping a run already under way, so a reload
 * resumes), restart it, and jump to a step by doing the earlier ones for the reader.
 */
export async function openScenario(
	db: SandboxDB,
	id: string,
	restart = false
): Promise<{ ok: true; scenario: Scenario } | { ok: false; reason: string }> {
	const scenario = await loadScenario(id);
	if (!scenario) return { ok: false, reason: `There is no scenario "${id}".` };
	const session = await readSession(db);
	const run = await readRun(db, id);
	if (restart || !run || session.activeScenarioId !== id) {
		const started = await startScenario(db, scenario);
		if (!started.ok) return started;
	}
	return { ok: true, scenario };
}

/**
 * Brings the walkthrough to step `step` (from 1): a step already passed restarts the scenario;
 * every earlier step is then done with its "Do it for me", or skipped where it has none.
 */
export async function goToStep(
	db: SandboxDB,
	scenario: Scenario,
	step: number
): Promise<CommandResult> {
	const target = Math.min(Math.max(step, 1), scenario.steps.length) - 1;
	await recordProgress(db, scenario);
	if (currentIndex(scenario, await readRun(db, scenario.id)) > target) {
		const restarted = await startScenario(db, scenario);
		if (!restarted.ok) return restarted;
	}
	for (let guard = 0; guard < scenario.steps.length; guard++) {
		const done = currentIndex(scenario, await readRun(db, scenario.id));
		if (done >= target) break;
		if (scenario.steps[done].doItForMe) await doItForMe(db, scenario, done);
		await recordProgress(db, scenario);
		if (currentIndex(scenario, await readRun(db, scenario.id)) === done)
			await skipStep(db, scenario);
	}
	await updateSession(db, { focus: null });
	return { ok: true, message: `Step ${target + 1} of ${scenario.steps.length}` };
}
