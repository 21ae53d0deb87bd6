import { describe, expect, it } from 'vitest';
import { loadAllScenarios } from '$lib/scenarios/catalog';
import { scorePercent, summarize } from '$lib/scenarios/engine';
import type { Scenario, ScenarioRun } from '$lib/scenarios/types';
import { findApi, formatSessionTime, LmsConnection } from './api';
import { buildManifest, launchHref, MASTERY_SCORE } from './manifest';
import { decodeProgress, encodeProgress, SUSPEND_LIMIT } from './suspend';

const T0 = 1_700_000_000_000;
const SIM0 = 1_772_442_000_000;

/** A run with every step done, the even ones by the trainee, the odd ones skipped. */
function fullRun(scenario: Scenario): ScenarioRun {
	const steps = scenario.steps.map((s, i) => ({
		stepId: s.id,
		how: i % 3 === 2 ? ('skipped' as const) : ('checked' as const),
		at: T0 + (i + 1) * 61_000,
		simAt: SIM0 + (i + 1) * 3_600_000
	}));
	return {
		scenarioId: scenario.id,
		startedAt: T0,
		startedSimAt: SIM0,
		steps,
		finishedAt: steps.at(-1)!.at,
		finishedSimAt: steps.at(-1)!.simAt
	};
}

describe('suspend data', async () => {
	const scenarios = await loadAllScenarios();

	it.each(scenarios.map((s) => [s.id, s] as const))(
		'%s: a finished run round-trips, within SCORM 1.2 limit',
		(_, scenario) => {
			const run = fullRun(scenario);
			const marks = {
				startedAt: T0,
				assisted: [scenario.steps[0].id],
				hinted: scenario.steps.map((s) => s.id)
			};
			const text = encodeProgress(scenario, run, marks, SUSPEND_LIMIT.scorm12);
			expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT.scorm12);
			expect(decodeProgress(scenario, text)).toEqual({ run, marks });
		}
	);

	it('is refused when it belongs to another scenario, or is not ours at all', () => {
		const [a, b] = scenarios;
		const text = encodeProgress(a, fullRun(a), { startedAt: T0, assisted: [], hinted: [] }, 4096);
		expect(decodeProgress(b, text)).toBeNull();
		expect(decodeProgress(a, 'viewed=1,2,3|lastslide=4')).toBeNull();
		expect(decodeProgress(a, '{"v":1,"s":"x"}')).toBeNull();
	});

	it('an unfinished run stays unfinished', () => {
		const s = scenarios[0];
		const run = { ...fullRun(s), finishedAt: null, finishedSimAt: null };
		run.steps = run.steps.slice(0, 2);
		const back = decodeProgress(
			s,
			encodeProgress(s, run, { startedAt: T0, assisted: [], hinted: [] }, 4096)
		);
		expect(back?.run).toEqual(run);
	});
});

describe('score', () => {
	it('counts steps done alone: not skipped, not by "Do it for me"', () => {
		const steps = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));
		const run: ScenarioRun = {
			scenarioId: 'x',
			startedAt: 0,
			startedSimAt: 0,
			steps: [
				{ stepId: 'a', how: 'checked', at: 1, simAt: 1 },
				{ stepId: 'b', how: 'checked', at: 2, simAt: 2 },
				{ stepId: 'c', how: 'skipped', at: 3, simAt: 3 },
				{ stepId: 'd', how: 'checked', at: 4, simAt: 4 }
			],
			finishedAt: null,
			finishedSimAt: null
		};
		const sum = summarize({ steps }, run, 10, ['b']);
		expect(sum).toMatchObject({ done: 3, alone: 2, skipped: 1, total: 5 });
		expect(scorePercent(sum)).toBe(40);
		expect(scorePercent(summarize({ steps }, run, 10))).toBe(60);
	});
});

describe('session time', () => {
	it('is HHHH:MM:SS for SCORM 1.2 and ISO 8601 for SCORM 2004', () => {
		const ms = (3 * 3600 + 4 * 60 + 5) * 1000 + 400;
		expect(formatSessionTime('scorm12', ms)).toBe('03:04:05');
		expect(formatSessionTime('scorm2004', ms)).toBe('PT3H4M5S');
		expect(formatSessionTime('scorm12', 0)).toBe('00:00:00');
	});
});

describe('finding the platform', () => {
	type Win = { parent: Win; opener: Win | null; top: Win; [k: string]: unknown };
	const frame = (parent?: Win, extra: Record<string, unknown> = {}): Win => {
		const w = { opener: null, ...extra } as Win;
		w.parent = parent ?? w;
		w.top = parent?.top ?? w;
		return w;
	};
	const api = { LMSInitialize: () => 'true' };

	it('walks up the parent frames, and then the opener', () => {
		const top = frame(undefined, { API: api });
		const sco = frame(frame(top));
		expect(findApi(sco as unknown as Window, 'scorm12')).toBe(api);
		expect(findApi(sco as unknown as Window, 'scorm2004')).toBeUndefined();
		const popup = frame(undefined, { opener: frame(undefined, { API_1484_11: api }) });
		expect(findApi(popup as unknown as Window, 'scorm2004')).toBe(api);
	});

	it('a frame of another origin (reading it throws) is passed over', () => {
		const top = frame(undefined, { API: api });
		const foreign = frame(top);
		Object.defineProperty(foreign, 'API', {
			get() {
				throw new DOMException('Blocked', 'SecurityError');
			}
		});
		expect(findApi(frame(foreign) as unknown as Window, 'scorm12')).toBe(api);
	});

	it("a refusal comes back as false with the platform's own code and words", () => {
		const errors: unknown[] = [];
		const lms = new LmsConnection(
			'scorm2004',
			{
				Initialize: () => 'true',
				SetValue: () => 'false',
				GetLastError: () => '351',
				GetErrorString: () => 'General Set Failure'
			},
			(e) => errors.push(e)
		);
		expect(lms.initialize()).toBe(true);
		expect(lms.set('cmi.score.raw', '50', 'record your progress')).toBe(false);
		expect(errors).toEqual([
			{ doing: 'record your progress', code: '351', text: 'General Set Failure' }
		]);
		// A platform whose method throws is a refusal too, not a crash.
		expect(lms.commit()).toBe(false);
	});
});

describe('manifest', () => {
	it('escapes what XML needs escaped and states the mastery score', () => {
		const xml = buildManifest(
			'scorm12',
			[{ id: 'a', title: 'A & <B>', description: '"quoted"' }],
			['index.html']
		);
		expect(xml).toContain('<title>A &amp; &lt;B&gt;</title>');
		expect(xml).toContain('&quot;quoted&quot;');
		expect(xml).toContain(`href="${launchHref('scorm12', 'a').replace('&', '&amp;')}"`);
		expect(xml).toContain(`<adlcp:masteryscore>${MASTERY_SCORE}</adlcp:masteryscore>`);
		expect(buildManifest('scorm2004', [{ id: 'a', title: 'A', description: 'd' }], [])).toContain(
			`<imsss:minNormalizedMeasure>${MASTERY_SCORE / 100}</imsss:minNormalizedMeasure>`
		);
	});
});
