import { loadScenario, SCENARIO_IDS } from '$lib/scenarios/catalog';
import { currentIndex } from '$lib/scenarios/engine';
import type { Scenario } from '$lib/scenarios/types';
import type { SandboxDB } from '$lib/store/db';
import { doItForMe, readRun, recordProgress, skipStep, startScenario } from '$lib/store/training';
import { readSession, updateSession } from '$lib/store/training-session';
import { short, type ErrorCode } from './protocol';

export type Outcome<T = object> =
	({ ok: true } & T) | { ok: false; code: ErrorCode; reason: string };

/** Whether `id` names a built-in scenario: own keys only, so `constructor` is not one. */
export const isScenarioId = (id: string) => SCENARIO_IDS.includes(id);

/**
 * What the embed does with a scenario: open it (keeping a run already under way, so a reload
 * resumes), restart it, and jump to a step by doing the earlier ones for the reader.
 */
export async function openScenario(
	db: SandboxDB,
	id: string,
	restart = false
): Promise<Outcome<{ scenario: Scenario }>> {
	const scenario = isScenarioId(id) ? await loadScenario(id) : undefined;
	if (!scenario)
		return {
			ok: false,
			code: 'unknown-scenario',
			reason: `There is no scenario "${short(id)}". Built-in scenarios: ${SCENARIO_IDS.join(', ')}.`
		};
	const session = await readSession(db);
	const run = await readRun(db, id);
	if (restart || !run || session.activeScenarioId !== id) {
		const started = await startScenario(db, scenario);
		if (!started.ok) return { ok: false, code: 'failed', reason: started.reason };
	}
	return { ok: true, scenario };
}

/** The step the walkthrough is at, from 1 (the last one once every step is done). */
export async function stepOf(db: SandboxDB, scenario: Scenario): Promise<number> {
	const done = currentIndex(scenario, await readRun(db, scenario.id));
	return Math.min(done + 1, scenario.steps.length);
}

/**
 * Brings the walkthrough to step `step` (from 1): a step already passed restarts the scenario;
 * every earlier step is then done with its "Do it for me", or skipped where it has none. A step
 * the scenario does not have changes nothing.
 */
export async function goToStep(db: SandboxDB, scenario: Scenario, step: number): Promise<Outcome> {
	const count = scenario.steps.length;
	if (!Number.isSafeInteger(step) || step < 1 || step > count)
		return {
			ok: false,
			code: 'bad-step',
			reason: `"${scenario.title}" has steps 1 to ${count}, not ${short(step)}.`
		};
	const target = step - 1;
	await recordProgress(db, scenario);
	if (currentIndex(scenario, await readRun(db, scenario.id)) > target) {
		const restarted = await startScenario(db, scenario);
		if (!restarted.ok) return { ok: false, code: 'failed', reason: restarted.reason };
	}
	for (let guard = 0; guard < count; guard++) {
		const done = currentIndex(scenario, await readRun(db, scenario.id));
		if (done >= target) break;
		if (scenario.steps[done].doItForMe) await doItForMe(db, scenario, done);
		await recordProgress(db, scenario);
		if (currentIndex(scenario, await readRun(db, scenario.id)) === done)
			await skipStep(db, scenario);
	}
	await updateSession(db, { focus: null });
	return { ok: true };
}
