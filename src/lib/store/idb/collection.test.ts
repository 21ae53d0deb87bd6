/**
 * The layer's reads against Dexie's, which the store used before: the same records and the same
 * random queries (index, range, filter, offset, limit, reverse, and what is read) give the same
 * answers. Dexie stays a dev dependency for this and for the upgrade tests (faults.test.ts).
 */
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Database } from './database';

const STORES = { items: 'id, group, [group+rank], *tags' };

interface Item {
	id: string;
	group: string;
	rank: number;
	tags: string[];
}

const item = fc.record({
	id: fc.string({ minLength: 1, maxLength: 3, unit: fc.constantFrom('a', 'b', 'c', 'd') }),
	group: fc.constantFrom('a', 'b', 'c'),
	rank: fc.integer({ min: 0, max: 4 }),
	tags: fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 })
});

const group = fc.constantFrom('a', 'b', 'c', 'd');
const pair = fc.tuple(group, fc.integer({ min: 0, max: 4 }));

/** Where a read starts: an index (or the primary key) and its keys. */
const start = fc.oneof(
	fc.record({
		kind: fc.constant('all' as const),
		index: fc.constantFrom('id', 'group', '[group+rank]')
	}),
	fc.record({ kind: fc.constant('equals' as const), index: fc.constant('group'), key: group }),
	fc.record({
		kind: fc.constant('equals' as const),
		index: fc.constant('tags'),
		key: fc.constantFrom('x', 'y', 'z')
	}),
	fc.record({
		kind: fc.constant('between' as const),
		index: fc.constant('[group+rank]'),
		lower: pair,
		upper: pair,
		includeLower: fc.boolean(),
		includeUpper: fc.boolean()
	}),
	fc.record({
		kind: fc.constant('anyOf' as const),
		index: fc.constantFrom('group', 'id'),
		keys: fc.array(fc.constantFrom('a', 'b', 'c', 'ab', 'ca'))
	})
);

type Step =
	{ op: 'filter'; even: boolean } | { op: 'offset' | 'limit'; n: number } | { op: 'reverse' };

/**
 * Filters, then an offset, then a limit, with reverse anywhere: the order the store calls them
 * in. (Dexie's answer to an offset before a filter depends on the offset's size; this layer
 * applies the stages in the order they were called.)
 */
const steps: fc.Arbitrary<Step[]> = fc
	.record({
		filters: fc.array(fc.boolean(), { maxLength: 2 }),
		offset: fc.option(fc.integer({ min: 0, max: 4 })),
		limit: fc.option(fc.integer({ min: 0, max: 6 })),
		reverse: fc.option(fc.integer({ min: 0, max: 3 }))
	})
	.map(({ filters, offset, limit, reverse }) => {
		const out: Step[] = [
			...filters.map((even) => ({ op: 'filter' as const, even })),
			...(offset === null ? [] : [{ op: 'offset' as const, n: offset }]),
			...(limit === null ? [] : [{ op: 'limit' as const, n: limit }])
		];
		if (reverse !== null) out.splice(Math.min(reverse, out.length), 0, { op: 'reverse' });
		return out;
	});

const read = fc.constantFrom('toArray', 'primaryKeys', 'first', 'last', 'count', 'uniqueKeys');

type Start = typeof start extends fc.Arbitrary<infer S> ? S : never;

/** The same chain of calls on either implementation (they share the vocabulary). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ask(table: any, s: Start, steps: Step[], how: string) {
	const where = s.kind === 'all' ? null : table.where(s.index);
	let c =
		s.kind === 'all'
			? table.orderBy(s.index)
			: s.kind === 'equals'
				? where.equals(s.key)
				: s.kind === 'between'
					? where.between(s.lower, s.upper, s.includeLower, s.includeUpper)
					: where.anyOf(s.keys);
	for (const t of steps)
		c =
			t.op === 'filter'
				? c.filter((i: Item) => (i.rank % 2 === 0) === t.even)
				: t.op === 'reverse'
					? c.reverse()
					: c[t.op](t.n);
	return c[how]();
}

let n = 0;
async function both(items: Item[]) {
	const name = `differential-${++n}-${Math.random()}`;
	const dexie = new Dexie(`${name}-dexie`);
	dexie.version(1).stores(STORES);
	await dexie.table('items').bulkPut(items);
	const ours = new Database(`${name}-ours`, [{ version: 1, stores: STORES }]);
	await ours.table('items').bulkPut(items);
	return { dexie, ours };
}

describe('reads, against Dexie', () => {
	it('give the same answers to random queries', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 25 }),
				fc.array(fc.tuple(start, steps, read), {
					minLength: 1,
					maxLength: 8
				}),
				async (items, queries) => {
					const { dexie, ours } = await both(items);
					for (const [s, steps, how] of queries) {
						// Dexie's count and unique keys ignore what a filter, offset or limit would leave
						// out differently from version to version; the store never asks for that.
						const plainOnly = how === 'count' || how === 'uniqueKeys';
						const used = plainOnly ? steps.filter((t) => t.op === 'reverse') : steps;
						// An empty range open at both ends: Dexie throws IndexedDB's DataError, the layer
						// reads no record.
						const empty =
							s.kind === 'between' &&
							!s.includeLower &&
							!s.includeUpper &&
							JSON.stringify(s.lower) === JSON.stringify(s.upper);
						if (empty) {
							expect(await ask(ours.table('items'), s, [], 'toArray')).toEqual([]);
							continue;
						}
						const want = await ask(dexie.table('items'), s, used, how);
						const got = await ask(ours.table('items'), s, used, how);
						expect(got, JSON.stringify({ s, used, how })).toEqual(want);
					}
					dexie.close();
					ours.close();
				}
			),
			{ numRuns: 60 }
		);
	});

	it('sort, modify and delete as Dexie does', async () => {
		const items: Item[] = [
			{ id: 'a', group: 'b', rank: 3, tags: [] },
			{ id: 'b', group: 'a', rank: 1, tags: ['x'] },
			{ id: 'c', group: 'b', rank: 2, tags: ['x', 'y'] }
		];
		const { dexie, ours } = await both(items);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		for (const t of [dexie.table('items'), ours.table('items')] as any[]) {
			expect((await t.where('group').equals('b').sortBy('rank')).map((i: Item) => i.id)).toEqual([
				'c',
				'a'
			]);
			expect((await t.orderBy('id').reverse().sortBy('rank')).map((i: Item) => i.id)).toEqual([
				'a',
				'c',
				'b'
			]);
			expect(
				await t
					.where('group')
					.equals('b')
					.modify((i: Item) => void (i.rank += 10))
			).toBe(2);
			expect(
				await t
					.where('id')
					.equals('b')
					.modify((i: Item) => Object.assign(i, { rank: 7, tags: ['z'] }))
			).toBe(1);
			expect(await t.where('tags').equals('x').delete()).toBe(1);
			expect(await t.orderBy('id').toArray()).toEqual([
				{ id: 'a', group: 'b', rank: 13, tags: [] },
				{ id: 'b', group: 'a', rank: 7, tags: ['z'] }
			]);
		}
	});
});
