/**
 * Fuzzing the boundaries where outside data comes in (issue 12, item 5): the embed message
 * parser, the world file validator and the CSV user import. Whatever comes in, they never throw,
 * and the world changes only when the input is valid (and then stays consistent).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorld } from '$lib/domain/invariants';
import type { World } from '$lib/domain/types';
import { checkUserImport } from '$lib/domain/user-import';
import { parseInMessage } from '$lib/embed/messages';
import { PROTOCOL } from '$lib/embed/protocol';
import { parseWorldFile, type WorldFile } from '$lib/world-files/world-file';
import { importUsersCommand } from './user-commands';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { exportWorldFile, importWorldFile } from './world-file-io';
import { dumpTables, testDb } from './test-db';

const TYPES = ['reset', 'goToStep', 'loadScenario', 'setTheme', 'other', ''];
/** Messages near the protocol: right envelope, any type and fields. */
const nearMessage = fc.record(
	{
		protocol: fc.oneof(fc.constant(PROTOCOL), fc.jsonValue()),
		version: fc.oneof(fc.constant(1), fc.jsonValue()),
		type: fc.oneof(fc.constantFrom(...TYPES), fc.jsonValue()),
		step: fc.jsonValue(),
		scenario: fc.jsonValue(),
		theme: fc.oneof(fc.constantFrom('light', 'dark'), fc.jsonValue())
	},
	{ requiredKeys: ['protocol', 'version', 'type'] }
);

function deepFreeze<T>(v: T): T {
	if (v && typeof v === 'object') {
		for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
		Object.freeze(v);
	}
	return v;
}

describe('fuzz: embed message parser', () => {
	it('never throws on any JSON or any value, and accepts only documented messages', () => {
		fc.assert(
			fc.property(fc.oneof(fc.jsonValue(), nearMessage, fc.anything()), (data) => {
				const r = parseInMessage(deepFreeze(data));
				if (!r.ok) {
					expect(typeof r.reason).toBe('string');
					return;
				}
				const m = r.message;
				expect(TYPES).toContain(m.type);
				if (m.type === 'goToStep') expect(Number.isInteger(m.step) && m.step >= 1).toBe(true);
				if (m.type === 'setTheme') expect(['light', 'dark']).toContain(m.theme);
				if (m.type === 'loadScenario') expect(typeof m.scenario).toBe('string');
			}),
			{ numRuns: 3000 }
		);
	});
});

describe('fuzz: world file validator', () => {
	let snap: WorldFile;
	beforeAll(async () => {
		snap = await exportWorldFile(await testDb());
	});

	it('never throws on arbitrary JSON, and refuses it', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (data) => {
				const r = parseWorldFile(JSON.stringify(data) ?? 'undefined');
				expect(r.ok).toBe(false);
			}),
			{ numRuns: 1000 }
		);
	});

	/** A valid export with one field of one record set to any JSON value, or removed. */
	const mutation = fc.record({
		table: fc.constantFrom(...WORLD_TABLES, 'clock', 'spec', 'scenarioRuns'),
		row: fc.nat(200),
		field: fc.oneof(fc.nat(20), fc.constantFrom('__proto__', 'constructor', 'toString', 'x')),
		value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })
	});

	it('never throws on a damaged export; what it accepts imports and keeps the rules', async () => {
		const db = await testDb();
		const before = await dumpTables(db);
		// Accepted files import into a second database (the import replaces its world each time).
		const other = await testDb();
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(mutation, async (m) => {
				const file = structuredClone(snap) as unknown as Record<string, unknown>;
				const world = file.world as Record<string, unknown[]>;
				const rows = (world[m.table] ?? file[m.table]) as unknown;
				const target = (Array.isArray(rows) ? rows[m.row % Math.max(rows.length, 1)] : rows) as
					Record<string, unknown> | undefined;
				if (!target || typeof target !== 'object') return;
				const keys = Object.keys(target);
				const key = typeof m.field === 'number' ? keys[m.field % keys.length] : m.field;
				if (m.value === undefined) delete target[key];
				else
					Object.defineProperty(target, key, {
						value: m.value,
						enumerable: true,
						writable: true,
						configurable: true
					});
				const r = parseWorldFile(JSON.stringify(file));
				if (!r.ok) {
					expect(r.problems.length).toBeGreaterThan(0);
					return;
				}
				// Accepted (the change was harmless): it must import, and hold every rule.
				accepted++;
				expect(await importWorldFile(other, r.worldFile)).toMatchObject({ ok: true });
				const w = (await dumpTables(other)) as unknown as World;
				expect(checkWorld(w, r.worldFile.clock.simAt)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
		expect(await dumpTables(db)).toEqual(before);
		console.info(`world file fuzz: ${accepted} of 300 damaged files were harmless and imported`);
	}, 120_000);
});

describe('fuzz: CSV user import', () => {
	const cell = fc.oneof(
		fc.string({ maxLength: 12 }),
		fc.constantFrom('"Bob"x', '"a""b"', '"open', 'ok', 'x@y.example', 'Sales', '', ' ', '"', ',')
	);
	const csv = fc.oneof(
		fc.string({ maxLength: 200 }),
		fc.string({ unit: 'binary', maxLength: 200 }),
		fc
			.array(fc.array(cell, { maxLength: 7 }), { maxLength: 6 })
			.map((rows) =>
				['User ID,First Name,Last Name,Email,Groups', ...rows.map((r) => r.join(','))].join(
					fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0]
				)
			)
	);

	it('the check never throws, and reports every file it refuses', () => {
		fc.assert(
			fc.property(csv, (text) => {
				const r = checkUserImport(text, [], []);
				expect(r.users.length + r.problems.length).toBeGreaterThan(0);
				for (const p of r.problems) expect(typeof p.reason).toBe('string');
			}),
			{ numRuns: 2000 }
		);
	});

	it('the command changes the world only for a valid file, and the world keeps its rules', async () => {
		const db = await testDb();
		await fc.assert(
			fc.asyncProperty(csv, async (text) => {
				const before = await dumpTables(db, ['audit']);
				const check = checkUserImport(
					text,
					await db.users.where('serverId').equals('acme').toArray(),
					await db.groups.where('serverId').equals('acme').toArray()
				);
				const result = await importUsersCommand(db, 'acme', 'f.csv', text);
				const after = await dumpTables(db, ['audit']);
				expect(result.ok).toBe(check.problems.length === 0);
				if (!result.ok) expect(after).toEqual(before);
				else expect(after.users.length).toBe(before.users.length + check.users.length);
			}),
			{ numRuns: 60 }
		);
		const w = (await dumpTables(db)) as unknown as World;
		expect(checkWorld(w, Date.UTC(2026, 2, 2))).toEqual([]);
	}, 120_000);
});
