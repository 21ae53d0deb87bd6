import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ClockState } from '$lib/domain/clock';
import { generateWorld } from '$lib/domain/seed';
import type { TableName, World } from '$lib/domain/types';
import type { ScenarioRun } from '$lib/scenarios/types';
import {
	CLOCK_SCHEMA,
	ROW_SCHEMAS,
	RUN_SCHEMA,
	SPEC_SCHEMA,
	recordProblems,
	type WorldSpec
} from './schemas';

const world = generateWorld({ seed: 'schemas', users: 5 });
const problems = (row: unknown, schema: v.GenericSchema, where = 'r') => {
	const out: string[] = [];
	recordProblems(row, schema, where, out);
	return out;
};
const token = () => structuredClone(world.tokens.find((t) => t.enrolledAt !== null)!);

describe('world file schemas', () => {
	it('accept every record of a generated world', () => {
		for (const table of Object.keys(ROW_SCHEMAS) as TableName[])
			(world[table] as unknown[]).forEach((row, i) =>
				expect(problems(row, ROW_SCHEMAS[table], `${table}[${i}]`)).toEqual([])
			);
	});

	it('name the record and the field of a wrong value, in the words of the field', () => {
		const t = { ...token(), serial: '1'.repeat(10_000) };
		expect(problems(t, ROW_SCHEMAS.tokens, 'world.tokens[3]')).toEqual([
			'world.tokens[3]: "serial" must be a serial number of 10 digits.'
		]);
		expect(problems({ ...token(), state: 'Gone' }, ROW_SCHEMAS.tokens)).toEqual([
			'r: "state" must be one of "Inventory", "Assigned", "Active", "Suspended", "Locked", "Lost/Faulty".'
		]);
		expect(problems({ ...token(), enrolledAt: 1e300 }, ROW_SCHEMAS.tokens)).toEqual([
			'r: "enrolledAt" must be a date between 2000 and 2100 (milliseconds since 1970) or null.'
		]);
		expect(problems({ ...token(), failedCount: 1.5 }, ROW_SCHEMAS.tokens)).toEqual([
			'r: "failedCount" must be a whole number from 0 to 1000.'
		]);
		const user = { ...world.users[0], lastName: 'x'.repeat(201) };
		expect(problems(user, ROW_SCHEMAS.users)).toEqual([
			'r: "lastName" must be text of at most 200 characters.'
		]);
	});

	it('report a missing field, and accept a missing field added after format 1', () => {
		const noEmail: Partial<(typeof world.users)[0]> = { ...world.users[0] };
		delete noEmail.email;
		expect(problems(noEmail, ROW_SCHEMAS.users)).toEqual(['r: "email" is missing.']);
		const phone = structuredClone(world.phones[0]);
		delete phone.biometrics;
		delete phone.notifications;
		expect(problems(phone, ROW_SCHEMAS.phones)).toEqual([]);
		// Optional means absent, not undefined-or-anything.
		expect(problems({ ...phone, biometrics: 'yes' }, ROW_SCHEMAS.phones)).toEqual([
			'r: "biometrics" must be true or false.'
		]);
	});

	it('report unknown fields, __proto__ and constructor too (own keys only)', () => {
		const row = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(world.groups[0]).slice(1)}`);
		expect(problems(row, ROW_SCHEMAS.groups)).toEqual(['r: unknown field "__proto__".']);
		expect(problems({ ...world.groups[0], constructor: 'y' }, ROW_SCHEMAS.groups)).toEqual([
			'r: unknown field "constructor".'
		]);
		expect(problems({ ...world.groups[0], ['z'.repeat(100)]: 1 }, ROW_SCHEMAS.groups)).toEqual([
			`r: unknown field "${'z'.repeat(40)}".`
		]);
	});

	it('name the nested field: a phone’s installed apps, a policy row, a run’s step', () => {
		const phone = { ...world.phones[0], installed: { mobilePass8: 1, mobilePassPlus: true } };
		expect(problems(phone, ROW_SCHEMAS.phones)).toEqual([
			'r: "installed.mobilePass8" must be true or false.'
		]);
		const server = {
			...world.servers[0],
			softwareTokens: { iOS: { allowed: true, app: 'MobilePASS+', push: 'yes' } }
		};
		expect(problems(server, ROW_SCHEMAS.servers)).toEqual([
			'r: "softwareTokens.iOS.push" must be true or false.'
		]);
		const partial = {
			...world.servers[0],
			softwareTokens: { Android: { allowed: false, app: 'MobilePASS 8', push: false } }
		};
		expect(problems(partial, ROW_SCHEMAS.servers)).toEqual([]);
		const run = {
			scenarioId: 's',
			startedAt: Date.UTC(2026, 0, 1),
			startedSimAt: Date.UTC(2026, 0, 1),
			steps: [{ stepId: 'a', how: 'guessed', at: Date.UTC(2026, 0, 1) }],
			finishedAt: null,
			finishedSimAt: null
		};
		expect(problems(run, RUN_SCHEMA, 'scenarioRuns[0]')).toEqual([
			'scenarioRuns[0]: "steps.0.how" must be one of "checked", "skipped".',
			'scenarioRuns[0]: "steps.0.simAt" is missing.'
		]);
		expect(problems({ ...run, steps: 'oops' }, RUN_SCHEMA)[0]).toBe(
			'r: "steps" must be a list of at most 200 steps.'
		);
	});

	it('bound the clock and the generator spec', () => {
		const clock = { simAt: Date.UTC(2026, 2, 2), realAt: 5, paused: false };
		expect(problems(clock, CLOCK_SCHEMA, 'clock')).toEqual([]);
		expect(problems({ ...clock, simAt: 1e300 }, CLOCK_SCHEMA, 'clock')).toEqual([
			'clock: "simAt" must be a date between 2000 and 2100 (milliseconds since 1970).'
		]);
		expect(problems({ ...clock, realAt: Infinity }, CLOCK_SCHEMA, 'clock')).toEqual([
			'clock: "realAt" must be a number.'
		]);
		expect(problems({ seed: 's', users: 10_001 }, SPEC_SCHEMA, 'spec')).toEqual([
			'spec: "users" must be a whole number from 0 to 10000.'
		]);
	});

	it('refuse what is not an object', () => {
		for (const row of [null, 3, 'x', [world.groups[0]]])
			expect(problems(row, ROW_SCHEMAS.groups, 'world.groups[0]')).toEqual([
				'world.groups[0] is not an object.'
			]);
	});

	it('agree with the domain types (a field added to one only fails npm run check)', () => {
		type Out<T extends TableName> = v.InferOutput<(typeof ROW_SCHEMAS)[T]>;
		type Row<T extends TableName> = World[T][number];
		expectTypeOf<Out<'groups'>>().toEqualTypeOf<Row<'groups'>>();
		expectTypeOf<Out<'users'>>().toEqualTypeOf<Row<'users'>>();
		expectTypeOf<Out<'phones'>>().toEqualTypeOf<Row<'phones'>>();
		expectTypeOf<Out<'applications'>>().toEqualTypeOf<Row<'applications'>>();
		expectTypeOf<Out<'tokens'>>().toEqualTypeOf<Row<'tokens'>>();
		expectTypeOf<Out<'tasks'>>().toEqualTypeOf<Row<'tasks'>>();
		expectTypeOf<Out<'enrollments'>>().toEqualTypeOf<Row<'enrollments'>>();
		expectTypeOf<Out<'appTokens'>>().toEqualTypeOf<Row<'appTokens'>>();
		expectTypeOf<Out<'mail'>>().toEqualTypeOf<Row<'mail'>>();
		expectTypeOf<Out<'pushRequests'>>().toEqualTypeOf<Row<'pushRequests'>>();
		// The store numbers audit rows: an exported one always has its number.
		expectTypeOf<Out<'audit'>>().toEqualTypeOf<Required<Row<'audit'>>>();
		// A file may hold policy rows for some targets only.
		type Server = Row<'servers'>;
		expectTypeOf<Omit<Out<'servers'>, 'softwareTokens'>>().toEqualTypeOf<
			Omit<Server, 'softwareTokens'>
		>();
		expectTypeOf<Out<'servers'>['softwareTokens']>().toEqualTypeOf<
			Partial<NonNullable<Server['softwareTokens']>> | undefined
		>();
		expectTypeOf<v.InferOutput<typeof CLOCK_SCHEMA>>().toEqualTypeOf<ClockState>();
		expectTypeOf<v.InferOutput<typeof RUN_SCHEMA>>().toEqualTypeOf<ScenarioRun>();
		expectTypeOf<WorldSpec>().toEqualTypeOf<{ seed: string; users: number }>();
	});
});
