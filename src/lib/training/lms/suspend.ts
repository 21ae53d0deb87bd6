/**
 * The trainee's progress in a learning platform's suspend data, so a later visit (even in
 * another browser) resumes where it stopped. Compact JSON with step numbers instead of step
 * ids and times as seconds since the start: the largest scenario fits SCORM 1.2's 4,096
 * characters many times over.
 */
import type { Scenario, ScenarioRun, StepRecord } from '$lib/scenarios/types';
import type { StepMarks } from '$lib/store/training-marks';
import type { LmsVersion } from './versions';

export const SUSPEND_LIMIT: Record<LmsVersion, number> = { scorm12: 4096, scorm2004: 64000 };

interface Saved {
	v: 1;
	/** scenario id */
	s: string;
	/** started (wall ms, simulated ms) */
	t: number;
	ts: number;
	/** finished: seconds after the start, or -1 while under way */
	f: number;
	fs: number;
	/** steps: [step number, 'c'hecked or 's'kipped, seconds after start, simulated seconds] */
	r: [number, 'c' | 's', number, number][];
	/** step numbers run by "Do it for me", and those whose hint was shown */
	a: number[];
	h: number[];
}

const secs = (ms: number) => Math.round(ms / 1000);

export function encodeProgress(
	scenario: Scenario,
	run: ScenarioRun,
	marks: StepMarks,
	limit: number
): string {
	const index = (id: string) => scenario.steps.findIndex((s) => s.id === id);
	const saved: Saved = {
		v: 1,
		s: run.scenarioId,
		t: run.startedAt,
		ts: run.startedSimAt,
		f: run.finishedAt === null ? -1 : secs(run.finishedAt - run.startedAt),
		fs: run.finishedSimAt === null ? -1 : secs(run.finishedSimAt - run.startedSimAt),
		r: run.steps.map((s) => [
			index(s.stepId),
			s.how === 'skipped' ? 's' : 'c',
			secs(s.at - run.startedAt),
			secs(s.simAt - run.startedSimAt)
		]),
		a: marks.assisted.map(index).filter((i) => i >= 0),
		h: marks.hinted.map(index).filter((i) => i >= 0)
	};
	const text = JSON.stringify(saved);
	if (text.length <= limit) return text;
	// Far beyond any scenario today; the step times are what a platform can best do without.
	saved.r = saved.r.map(([i, how]) => [i, how, 0, 0]);
	return JSON.stringify(saved).slice(0, limit);
}

/** The progress kept for this scenario, or null when there is none (or it is not ours). */
export function decodeProgress(
	scenario: Scenario,
	text: string
): { run: ScenarioRun; marks: StepMarks } | null {
	let saved: Saved;
	try {
		saved = JSON.parse(text);
	} catch {
		return null;
	}
	if (!saved || saved.v !== 1 || saved.s !== scenario.id || !Array.isArray(saved.r)) return null;
	const id = (i: unknown) => (Number.isInteger(i) ? scenario.steps[i as number]?.id : undefined);
	const steps: StepRecord[] = [];
	for (const [i, how, at, simAt] of saved.r) {
		const stepId = id(i);
		if (!stepId || steps.some((s) => s.stepId === stepId)) return null;
		steps.push({
			stepId,
			how: how === 's' ? 'skipped' : 'checked',
			at: saved.t + at * 1000,
			simAt: saved.ts + simAt * 1000
		});
	}
	const ids = (list: unknown) =>
		Array.isArray(list) ? list.map(id).filter((x): x is string => !!x) : [];
	const run: ScenarioRun = {
		scenarioId: scenario.id,
		startedAt: saved.t,
		startedSimAt: saved.ts,
		steps,
		finishedAt: saved.f >= 0 ? saved.t + saved.f * 1000 : null,
		finishedSimAt: saved.fs >= 0 ? saved.ts + saved.fs * 1000 : null
	};
	return { run, marks: { startedAt: saved.t, assisted: ids(saved.a), hinted: ids(saved.h) } };
}
