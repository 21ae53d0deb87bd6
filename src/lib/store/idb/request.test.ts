import { afterEach, describe, expect, it, vi } from 'vitest';
import { Database } from './database';
import { issueInSlices } from './request';

afterEach(() => vi.restoreAllMocks());

/** A clock that moves `step` ms each time it is read, so that every request "takes" time. */
function ticking(step: number) {
	let now = 0;
	vi.spyOn(performance, 'now').mockImplementation(() => (now += step));
}

describe('issueInSlices', () => {
	it('issues a slice, then waits for its first request before the next slice', async () => {
		ticking(2);
		const answer: ((ok: boolean) => void)[] = [];
		const issued: number[] = [];
		const all = issueInSlices([1, 2, 3, 4, 5, 6], (i) => {
			issued.push(i);
			return new Promise<number>((resolve, reject) =>
				answer.push((ok) => (ok ? resolve(i) : reject(new Error(`no ${i}`))))
			);
		});
		// The clock moves 2 ms a request: after two the slice ends, and its first has no answer yet.
		await vi.waitFor(() => expect(issued).toEqual([1, 2]));
		// Nothing but that answer moves it on: a task later, still the same two.
		await new Promise((r) => setTimeout(r));
		expect(issued).toEqual([1, 2]);
		// The slice's first fails: the next slice goes on all the same.
		answer[0](false);
		await vi.waitFor(() => expect(issued).toEqual([1, 2, 3, 4]));
		answer[2](true);
		await vi.waitFor(() => expect(issued).toEqual([1, 2, 3, 4, 5, 6]));
		answer[4](true);
		const promises = await all;
		expect(issued).toEqual([1, 2, 3, 4, 5, 6]);
		for (const a of answer) a(true);
		const settled = await Promise.allSettled(promises);
		expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : 'failed'))).toEqual([
			'failed',
			2,
			3,
			4,
			5,
			6
		]);
	});

	it('a bulk write in many slices is still one transaction: all records, or none', async () => {
		ticking(3);
		const db = new Database(`request-test-${Math.random()}`, [
			{ version: 1, stores: { notes: 'id, topic' } }
		]);
		const id = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, '0')}`;
		const notes = Array.from({ length: 40 }, (_, i) => ({ id: id('n', i), topic: 't' }));
		await db.table('notes').bulkAdd(notes);
		expect(await db.table('notes').toArray()).toEqual(notes);

		// The last record's key is taken: the whole bulk write is undone, earlier slices too.
		const more = Array.from({ length: 40 }, (_, i) => ({ id: id('m', i), topic: 't' }));
		more.push({ id: 'n00', topic: 'dup' });
		const error = await db
			.transaction('rw', 'notes', (tx) => tx.table('notes').bulkAdd(more))
			.catch((e) => e);
		expect(error).toMatchObject({ name: 'BulkError', inner: { name: 'ConstraintError' } });
		expect(await db.table('notes').count()).toBe(40);

		await db.table('notes').bulkPut(more.slice(0, 40).map((n) => ({ ...n, topic: 'put' })));
		expect(await db.table('notes').where('topic').equals('put').count()).toBe(40);
	});
});
