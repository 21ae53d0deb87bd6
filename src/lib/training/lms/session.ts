/**
 * The sandbox as a SCO: loaded (dynamically) only when a learning platform launched it
 * (`?lms=scorm12&scenario=…` in the manifest's launch URL). It starts or resumes the scenario,
 * reports status, score, session time and suspend data at every step, and ends the session when
 * the page goes away. Whatever the platform refuses is shown in plain words; the trainee's work
 * in the sandbox goes on regardless.
 */
import { currentIndex, scorePercent, summarize } from '$lib/scenarios/engine';
import { loadScenario } from '$lib/scenarios/catalog';
import type { Scenario, ScenarioRun } from '$lib/scenarios/types';
import type { Sandbox } from '$lib/store/sandbox.svelte';
import { doItForMe, readRun, startScenario } from '$lib/store/training';
import { readSession, updateSession } from '$lib/store/training-session';
import { restoreRun, watchRun, type StepMarks } from '$lib/store/training-marks';
import { ELEMENTS, findApi, formatSessionTime, LmsConnection, type LmsError } from './api';
import { MASTERY_SCORE } from './manifest';
import { decodeProgress, encodeProgress, SUSPEND_LIMIT } from './suspend';
import type { LmsVersion } from './versions';

const NAMES: Record<LmsVersion, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004' };

let started = false;

export async function startLms(sandbox: Sandbox, version: LmsVersion, scenarioId: string | null) {
	if (started) return;
	started = true;
	const openedAt = Date.now();
	const shown = new Set<string>();
	const onError = ({ doing, code, text }: LmsError) => {
		const detail = code && code !== '0' ? ` (error ${code}${text ? `: ${text}` : ''})` : '';
		const message = `The learning platform could not ${doing}${detail}. You can keep working; the sandbox keeps your progress in this browser and tries again at the next step.`;
		// One message per kind of failure: a platform that refuses everything must not flood the page.
		if (shown.has(doing)) return;
		shown.add(doing);
		sandbox.notify('error', message);
	};
	const raw = findApi(window, version);
	let lms: LmsConnection | null = raw ? new LmsConnection(version, raw, onError) : null;
	if (!lms)
		sandbox.notify(
			'error',
			`This page was opened as a ${NAMES[version]} lesson, but the learning platform's SCORM interface was not found, so your progress is not reported to it. You can keep working.`
		);
	else if (!lms.initialize()) lms = null;

	const scenario = scenarioId ? await loadScenario(scenarioId).catch(() => undefined) : undefined;
	if (!scenario) {
		sandbox.notify(
			'error',
			`The learning platform asked for a scenario the sandbox does not have ("${scenarioId ?? ''}").`
		);
		return;
	}
	await begin(sandbox, scenario, lms, version);
	if (!lms) return;
	const connection = lms;
	const el = ELEMENTS[version];
	const mastery = masteryOf(connection, version);
	let last: { run: ScenarioRun; marks: StepMarks } | undefined;

	const report = (run: ScenarioRun, marks: StepMarks, exiting: boolean) => {
		const sum = summarize(scenario, run, Date.now(), marks.assisted);
		const score = scorePercent(sum);
		const set = (element: string, value: string) =>
			connection.set(element, value, 'record your progress');
		set(el.scoreMin, '0');
		set(el.scoreMax, '100');
		set(el.scoreRaw, String(score));
		if (version === 'scorm2004') set(ELEMENTS.scorm2004.scoreScaled, String(score / 100));
		set(el.location, String(currentIndex(scenario, run)));
		set(el.suspendData, encodeProgress(scenario, run, marks, SUSPEND_LIMIT[version]));
		set(el.sessionTime, formatSessionTime(version, Date.now() - openedAt));
		const outcome = score >= mastery ? 'passed' : 'failed';
		if (version === 'scorm12') {
			// SCORM 1.2 has one status: passed or failed say "completed" as well.
			set(el.status, sum.finished ? outcome : 'incomplete');
			if (exiting) set(el.exit, sum.finished ? '' : 'suspend');
		} else {
			set(el.status, sum.finished ? 'completed' : 'incomplete');
			set(ELEMENTS.scorm2004.success, sum.finished ? outcome : 'unknown');
			if (exiting) set(el.exit, sum.finished ? 'normal' : 'suspend');
		}
		connection.commit();
	};

	const stop = watchRun(sandbox.db, scenario.id, (run, marks) => {
		if (!run || !marks) return;
		last = { run, marks };
		report(run, marks, false);
	});
	let ended = false;
	window.addEventListener('pagehide', () => {
		if (ended) return;
		ended = true;
		stop();
		if (last) report(last.run, last.marks, true);
		connection.terminate();
	});
}

/** The mastery score the platform holds for this SCO (from the manifest), as 0–100. */
function masteryOf(lms: LmsConnection, version: LmsVersion): number {
	const value = Number.parseFloat(lms.get(ELEMENTS[version].mastery));
	if (!Number.isFinite(value)) return MASTERY_SCORE;
	return version === 'scorm2004' ? value * 100 : value;
}

/**
 * Starts the scenario, or resumes it: from this browser's own run when it is the one the
 * platform kept, else from the platform's suspend data, replaying the steps done so far so that
 * the world matches them.
 */
async function begin(
	sandbox: Sandbox,
	scenario: Scenario,
	lms: LmsConnection | null,
	version: LmsVersion
) {
	const db = sandbox.db;
	const text = lms?.get(ELEMENTS[version].suspendData) ?? '';
	const saved = text ? decodeProgress(scenario, text) : null;
	const local = await readRun(db, scenario.id);
	const session = await readSession(db);
	const sameRun = !!local && (saved ? local.startedAt === saved.run.startedAt : true);
	const resumeLocal =
		sameRun && local && (saved || (session.activeScenarioId === scenario.id && !local.finishedAt));
	if (resumeLocal) {
		await updateSession(db, { activeScenarioId: scenario.id, focus: null });
		return;
	}
	const result = await startScenario(db, scenario);
	if (!result.ok || !saved) {
		sandbox.report(result, '');
		return;
	}
	await restoreRun(db, saved.run, saved.marks);
	// Rebuild the world the trainee had: run each recorded step's "Do it for me" in order.
	for (const record of saved.run.steps) {
		const index = scenario.steps.findIndex((s) => s.id === record.stepId);
		if (scenario.steps[index]?.doItForMe) await doItForMe(db, scenario, index);
	}
	sandbox.notify(
		'success',
		`Welcome back: your progress in "${scenario.title}" was restored from the learning platform (${saved.run.steps.length} of ${scenario.steps.length} steps).`
	);
}
