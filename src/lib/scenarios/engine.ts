import { displayUser } from '$lib/domain/format';
import type { Instant } from '$lib/domain/types';
import type { Scenario, ScenarioRun, StepRecord, WorldView } from './types';

export function newRun(scenario: Scenario, at: number, simAt: Instant): ScenarioRun {
	return {
		scenarioId: scenario.id,
		startedAt: at,
		startedSimAt: simAt,
		steps: [],
		finishedAt: null,
		finishedSimAt: null
	};
}

/** The first step not yet done; steps.length when the scenario is finished. */
export function currentIndex(scenario: Scenario, run: ScenarioRun | undefined): number {
	const done = new Set(run?.steps.map((s) => s.stepId));
	const i = scenario.steps.findIndex((s) => !done.has(s.id));
	return i === -1 ? scenario.steps.length : i;
}

function record(
	scenario: Scenario,
	run: ScenarioRun,
	step: StepRecord,
	last: boolean
): ScenarioRun {
	return {
		...run,
		steps: [...run.steps, step],
		finishedAt: last ? step.at : run.finishedAt,
		finishedSimAt: last ? step.simAt : run.finishedSimAt
	};
}

/**
 * Checks the current step against the world, and the next one if it passed, and so on: steps
 * complete in order, so a later step counts only once the earlier ones are done. Returns the
 * new run, or null when nothing changed.
 */
export function advance(
	scenario: Scenario,
	run: ScenarioRun,
	world: WorldView,
	at: number
): ScenarioRun | null {
	let next = run;
	for (let i = currentIndex(scenario, next); i < scenario.steps.length; i++) {
		const step = scenario.steps[i];
		if (!safeCheck(step.check, world)) break;
		const rec: StepRecord = { stepId: step.id, how: 'checked', at, simAt: world.now };
		next = record(scenario, next, rec, i === scenario.steps.length - 1);
	}
	return next === run ? null : next;
}

/**
 * How often to re-check the current step while the simulated clock runs (ms), or null when a
 * change to the world or to the clock record is enough: only clock-dependent steps need it.
 */
export function clockRecheckInterval(
	scenario: Scenario,
	run: ScenarioRun | undefined,
	clockPaused: boolean
): number | null {
	if (!run || run.finishedAt !== null || clockPaused) return null;
	return scenario.steps[currentIndex(scenario, run)]?.clock ? CLOCK_RECHECK_MS : null;
}

export const CLOCK_RECHECK_MS = 1000;

/** A check that throws (a half-built world) counts as not done, rather than breaking the panel. */
function safeCheck(check: (w: WorldView) => boolean, world: WorldView): boolean {
	try {
		return check(world) === true;
	} catch {
		return false;
	}
}

/** Skip the current step without doing it (the summary says it was skipped). */
export function skip(scenario: Scenario, run: ScenarioRun, at: number, simAt: Instant) {
	const i = currentIndex(scenario, run);
	if (i >= scenario.steps.length) return run;
	const rec: StepRecord = { stepId: scenario.steps[i].id, how: 'skipped', at, simAt };
	return record(scenario, run, rec, i === scenario.steps.length - 1);
}

export interface RunSummary {
	done: number;
	/** Done by the trainee: neither skipped nor run by "Do it for me" (the learning score). */
	alone: number;
	skipped: number;
	total: number;
	finished: boolean;
	/** Wall-clock and simulated time from start to finish (or to now while under way). */
	wallMs: number;
	simMs: number;
}

export function summarize(
	scenario: Scenario | { steps: readonly unknown[] },
	run: ScenarioRun,
	now: number,
	assisted: readonly string[] = []
): RunSummary {
	const skipped = run.steps.filter((s) => s.how === 'skipped').length;
	const lastSim = run.steps.at(-1)?.simAt ?? run.startedSimAt;
	const alone = run.steps.filter((s) => s.how === 'checked' && !assisted.includes(s.stepId));
	return {
		done: run.steps.length - skipped,
		alone: alone.length,
		skipped,
		total: scenario.steps.length,
		finished: run.finishedAt !== null,
		wallMs: (run.finishedAt ?? now) - run.startedAt,
		simMs: (run.finishedSimAt ?? lastSim) - run.startedSimAt
	};
}

/** The score a learning platform receives: steps done alone over all steps, 0 to 100. */
export function scorePercent(summary: Pick<RunSummary, 'alone' | 'total'>): number {
	return summary.total ? Math.round((summary.alone / summary.total) * 100) : 0;
}

/** "1 h 5 min", "3 min 20 s", "2 days 4 h": a duration as a trainee reads it. */
export function formatDuration(ms: number): string {
	const s = Math.max(0, Math.round(ms / 1000));
	const d = Math.floor(s / 86400);
	const h = Math.floor((s % 86400) / 3600);
	const m = Math.floor((s % 3600) / 60);
	if (d > 0) return `${d} day${d === 1 ? '' : 's'}${h ? ` ${h} h` : ''}`;
	if (h > 0) return `${h} h${m ? ` ${m} min` : ''}`;
	if (m > 0) return `${m} min${s % 60 ? ` ${s % 60} s` : ''}`;
	return `${s} s`;
}

/** Renders `{user:id}` as "First Last (login)" and `{group:id}` as the group's name. */
export function renderText(
	text: string,
	world: Pick<WorldView, 'users' | 'groups'> | undefined
): string {
	return text.replace(/\{(user|group):([\w-]+)\}/g, (whole, kind: string, id: string) => {
		if (kind === 'user') {
			const u = world?.users.find((x) => x.id === id);
			return u ? displayUser(u) : id;
		}
		return world?.groups.find((g) => g.id === id)?.name ?? id;
	});
}

/** The entity references in a text, for validation against the starting world. */
export function referencesIn(text: string): { kind: 'user' | 'group'; id: string }[] {
	return [...text.matchAll(/\{(user|group):([\w-]+)\}/g)].map((m) => ({
		kind: m[1] as 'user' | 'group',
		id: m[2]
	}));
}
