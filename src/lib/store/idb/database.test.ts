import { describe, expect, it } from 'vitest';
import { Database } from './database';
import { liveQuery, watchWrites } from './live-query';

const STORES = { notes: 'id, topic', log: '++id', other: 'key' };
let n = 0;
const fresh = () =>
	new Database(`database-test-${++n}-${Math.random()}`, [{ version: 1, stores: STORES }]);

interface Note {
	id: string;
	topic: string;
	text?: string;
}

describe('transactions', () => {
	it('commit every write together, or none when the function throws', async () => {
		const db = fresh();
		await db.transaction('rw', 'notes', 'log', async (tx) => {
			await tx.table<Note>('notes').put({ id: 'a', topic: 't' });
			await tx.table('log').add({ what: 'a' });
		});
		await expect(
			db.transaction('rw', ['notes', 'log'], async (tx) => {
				await tx.table<Note>('notes').put({ id: 'b', topic: 't' });
				await tx.table('log').add({ what: 'b' });
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect(await db.table<Note>('notes').toArray()).toEqual([{ id: 'a', topic: 't' }]);
		expect(await db.table('log').toArray()).toEqual([{ what: 'a', id: 1 }]);
	});

	it('a transaction inside another joins it; a read-only one refuses writes', async () => {
		const db = fresh();
		await expect(
			db.transaction('rw', 'notes', async (tx) => {
				await tx.transaction('rw', 'notes', (inner) =>
					inner.table<Note>('notes').put({ id: 'a', topic: 't' })
				);
				throw new Error('undo both');
			})
		).rejects.toThrow('undo both');
		expect(await db.table('notes').count()).toBe(0);
		await expect(
			db.transaction('r', 'notes', (tx) => tx.table<Note>('notes').put({ id: 'a', topic: 't' }))
		).rejects.toMatchObject({ name: 'ReadOnlyError' });
		await expect(
			db.transaction('rw', 'notes', (tx) => tx.table('other').get('x'))
		).rejects.toMatchObject({ name: 'NotFoundError' });
	});

	it('add sets an auto-incremented key on the record; update changes key paths', async () => {
		const db = fresh();
		const row: { id?: number; what: string } = { what: 'x' };
		expect(await db.table('log').add(row)).toBe(1);
		expect(row.id).toBe(1);
		await db.table<Note>('notes').put({ id: 'a', topic: 't', text: 'old' });
		expect(await db.table<Note>('notes').update('a', { text: undefined, topic: 'u' })).toBe(1);
		expect(await db.table<Note>('notes').update('zz', { topic: 'u' })).toBe(0);
		expect(await db.table<Note>('notes').get('a')).toEqual({ id: 'a', topic: 'u' });
	});

	it('bulkAdd on its own adds all or nothing, and names the failure', async () => {
		const db = fresh();
		await db.table<Note>('notes').put({ id: 'a', topic: 't' });
		const error = await db
			.table<Note>('notes')
			.bulkAdd([
				{ id: 'a', topic: 'dup' },
				{ id: 'b', topic: 't' }
			])
			.catch((e) => e);
		expect(error).toMatchObject({ name: 'BulkError', inner: { name: 'ConstraintError' } });
		expect(await db.table('notes').count()).toBe(1);
	});

	it('a closed database says so', async () => {
		const db = fresh();
		await db.open();
		db.close();
		await expect(db.table('notes').count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
	});
});

describe('cached reads', () => {
	it('share one read until a table it read is written', async () => {
		const db = fresh();
		let reads = 0;
		const read = () =>
			db.cached('all notes', ['notes'], () => (reads++, db.table('notes').count()));
		expect(await Promise.all([read(), read()])).toEqual([0, 0]);
		await db.table('other').put({ key: 'k' });
		expect(await read()).toBe(0);
		expect(reads).toBe(1);
		await db.table<Note>('notes').put({ id: 'a', topic: 't' });
		expect(await read()).toBe(1);
		expect(reads).toBe(2);
		// Inside a transaction it reads, through the transaction, though the cache holds the key.
		let inside = 0;
		await db.transaction('r', 'notes', (tx) =>
			tx.cached('all notes', ['notes'], () => (inside++, tx.table('notes').count()))
		);
		expect(inside).toBe(1);
		expect(reads).toBe(2);
	});
});

describe('limits', () => {
	it('a limit of 0 reads nothing (getAll would read a count of 0 as no limit)', async () => {
		const db = fresh();
		await db.table<Note>('notes').bulkPut([
			{ id: 'a', topic: 't' },
			{ id: 'b', topic: 't' }
		]);
		const getAll = IDBObjectStore.prototype.getAll;
		let asked = 0;
		IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args) {
			asked++;
			return getAll.apply(this, args);
		};
		try {
			expect(await db.table('notes').toCollection().limit(0).toArray()).toEqual([]);
			expect(asked).toBe(0);
			expect(await db.table('notes').toCollection().limit(1).toArray()).toHaveLength(1);
			expect(asked).toBe(1);
		} finally {
			IDBObjectStore.prototype.getAll = getAll;
		}
	});
});

describe('live queries', () => {
	/** Subscribes and returns the results as they come, and a way to wait for the next. */
	function watch<T>(query: () => Promise<T>) {
		const results: T[] = [];
		let wake = () => {};
		const sub = liveQuery(query).subscribe((v) => {
			results.push(v);
			wake();
		});
		const next = (count: number) =>
			new Promise<void>((resolve) => {
				wake = () => results.length >= count && resolve();
				wake();
			});
		return { results, next, stop: () => sub.unsubscribe() };
	}

	it('re-run when a table they read is written, not another', async () => {
		const db = fresh();
		const live = watch(() => db.table('notes').count());
		await live.next(1);
		await db.table('other').put({ key: 'k' });
		await db.table<Note>('notes').put({ id: 'a', topic: 't' });
		await live.next(2);
		// A run more would have come with the write to `other`, before this one.
		expect(live.results).toEqual([0, 1]);
		live.stop();
		await db.table<Note>('notes').put({ id: 'b', topic: 't' });
		expect(live.results).toEqual([0, 1]);
	});

	it('a write while a query runs gives it another run', async () => {
		const db = fresh();
		let release = () => {};
		let calls = 0;
		const live = watch(async () => {
			const count = await db.table('notes').count();
			if (++calls === 1) await new Promise<void>((r) => (release = r));
			return count;
		});
		await db.table<Note>('notes').put({ id: 'a', topic: 't' });
		release();
		await live.next(2);
		expect(live.results).toEqual([0, 1]);
		live.stop();
	});

	it('watchWrites hears the tables each committed write wrote, not an aborted one', async () => {
		const db = fresh();
		const heard: string[][] = [];
		const stop = watchWrites(db.name, (t) => heard.push(t));
		await db.transaction('rw', 'notes', 'log', async (tx) => {
			await tx.table('log').add({});
		});
		await db
			.transaction('rw', 'notes', async (tx) => {
				await tx.table<Note>('notes').put({ id: 'a', topic: 't' });
				throw new Error('no');
			})
			.catch(() => {});
		// A transaction that may write but does not wakes no one (a check that found nothing new).
		await db.transaction('rw', 'notes', (tx) => tx.table('notes').count());
		stop();
		await db.table('other').put({ key: 'k' });
		expect(heard).toEqual([['log']]);
	});
});
