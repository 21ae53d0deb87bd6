import { describe, expect, it } from 'vitest';
import migrateOne from './content/migrate-one-user';
import { validateScenario } from './validate';
import {
	advance,
	currentIndex,
	formatDuration,
	newRun,
	renderText,
	skip,
	summarize
} from './engine';
import type { Scenario, WorldView } from './types';

const base = (): Scenario => ({ ...migrateOne, steps: migrateOne.steps.map((s) => ({ ...s })) });

describe('scenario validation', () => {
	it('accepts a built-in scenario', () => {
		expect(validateScenario(migrateOne)).toEqual([]);
	});

	it('names each problem', () => {
		const s = base() as unknown as Record<string, unknown> & Scenario;
		s.id = 'Not Kebab';
		s.audience = 'Nobody' as never;
		s.minutes = 0;
		const steps = s.steps as Scenario['steps'][number][];
		steps[1] = { ...steps[1], id: steps[0].id };
		steps[2] = { ...steps[2], check: undefined as never, reads: ['nope' as never] };
		steps[3] = { ...steps[3], hint: ' ' };
		const problems = validateScenario(s);
		expect(problems).toEqual([
			'Scenario "Not Kebab": id must be kebab-case',
			'Scenario "Not Kebab": audience must be one of Operator, Help desk, Presenter',
			'Scenario "Not Kebab": minutes must be a whole number from 1 to 240',
			'Scenario "Not Kebab" step 2 "policy": id is used twice',
			'Scenario "Not Kebab" step 3 "open-email": check must be a function',
			expect.stringMatching(/step 3 "open-email": reads must list tables/),
			'Scenario "Not Kebab" step 4 "enroll": hint is empty'
		]);
	});

	it('refuses a scenario without steps or start', () => {
		expect(validateScenario({ ...base(), steps: [] })).toContain(
			'Scenario "migrate-one-user": has no steps'
		);
		expect(validateScenario({ ...base(), start: { seed: 'x', users: 0 } })).toContain(
			'Scenario "migrate-one-user": start.users must be from 1 to 10,000'
		);
		expect(validateScenario(null)).toEqual(['The scenario is not an object.']);
	});
});

describe('scenario engine', () => {
	const flags = { a: false, b: false, c: false };
	const view = { users: [], groups: [], now: 5 } as unknown as WorldView;
	const s: Scenario = {
		...base(),
		steps: (['a', 'b', 'c'] as const).map((id) => ({
			...migrateOne.steps[0],
			id,
			check: () => flags[id]
		}))
	};

	it('completes steps in order only', () => {
		let run = newRun(s, 0, 0);
		flags.b = true;
		expect(advance(s, run, view, 1)).toBeNull();
		flags.a = true;
		run = advance(s, run, view, 2)!;
		expect(run.steps.map((x) => x.stepId)).toEqual(['a', 'b']);
		expect(currentIndex(s, run)).toBe(2);
		expect(run.finishedAt).toBeNull();
		run = skip(s, run, 3, 9);
		expect(run.finishedAt).toBe(3);
		expect(summarize(s, run, 10)).toMatchObject({
			done: 2,
			skipped: 1,
			total: 3,
			wallMs: 3,
			simMs: 9
		});
	});

	it('a check that throws counts as not done', () => {
		const t: Scenario = {
			...s,
			steps: [
				{
					...s.steps[0],
					check: () => {
						throw new Error('x');
					}
				}
			]
		};
		expect(advance(t, newRun(t, 0, 0), view, 1)).toBeNull();
	});

	it('renders names and formats durations', () => {
		const w = {
			users: [{ id: 'u1', firstName: 'Ann', lastName: 'Lee', userId: 'alee' }],
			groups: [{ id: 'g1', name: 'Sales' }]
		} as unknown as WorldView;
		expect(renderText('Ask {user:u1} in {group:g1}; {user:zz}', w)).toBe(
			'Ask Ann Lee (alee) in Sales; zz'
		);
		expect(formatDuration(65_000)).toBe('1 min 5 s');
		expect(formatDuration(3 * 86_400_000 + 3_600_000)).toBe('3 days 1 h');
	});
});
