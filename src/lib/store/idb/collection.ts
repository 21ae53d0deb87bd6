/**
 * The records of a key range (or of several, for `anyOf`), read through an index or the primary
 * key: narrowed with `filter`, `offset`, `limit`, `until` and `reverse` (each returns a new
 * collection), then read with `toArray`, `first`, `count`, `primaryKeys`… A read without a filter
 * in key order is one getAll per range; any other walks a cursor.
 */
import { request } from './request';
import type { Table } from './table';

/** One narrowing of a collection, applied to its records in the order they were called. */
export type Stage<T> =
	| { kind: 'filter'; match: (record: T) => boolean }
	| { kind: 'until'; stop: (record: T) => boolean }
	| { kind: 'offset'; n: number }
	| { kind: 'limit'; n: number };

export interface Query<T> {
	/** null: the primary key. */
	index: string | null;
	/** The key ranges in key order; null is every key, and no range at all is no record. */
	ranges: (IDBKeyRange | null)[];
	reverse: boolean;
	stages: Stage<T>[];
}

type Cursor = IDBCursor & { value?: unknown };
type Source = IDBObjectStore | IDBIndex;

export class Collection<T, K extends IDBValidKey = IDBValidKey> {
	constructor(
		readonly table: Table<T, K, unknown>,
		readonly query: Query<T>
	) {}

	#then(stage: Stage<T>) {
		return new Collection<T, K>(this.table, {
			...this.query,
			stages: [...this.query.stages, stage]
		});
	}

	filter(match: (record: T) => boolean): Collection<T, K> {
		return this.#then({ kind: 'filter', match });
	}

	/** Stops the read at the first record for which `stop` holds (that record is not read). */
	until(stop: (record: T) => boolean): Collection<T, K> {
		return this.#then({ kind: 'until', stop });
	}

	offset(n: number): Collection<T, K> {
		return this.#then({ kind: 'offset', n });
	}

	limit(n: number): Collection<T, K> {
		return this.#then({ kind: 'limit', n });
	}

	reverse(): Collection<T, K> {
		return new Collection<T, K>(this.table, { ...this.query, reverse: !this.query.reverse });
	}

	#source(tx: IDBTransaction): Source {
		const store = tx.objectStore(this.table.name);
		return this.query.index === null ? store : store.index(this.query.index);
	}

	/**
	 * How many records a read in key order without other stages takes (Infinity for all), or
	 * null when it needs a cursor: such a read is one getAll per range.
	 */
	get #plainLimit(): number | null {
		const q = this.query;
		if (q.reverse || q.stages.some((s) => s.kind !== 'limit')) return null;
		return Math.min(Infinity, ...q.stages.map((s) => (s.kind === 'limit' ? s.n : Infinity)));
	}

	/**
	 * Walks the cursor over every range, in order, each record through the stages in turn, calling
	 * `visit` for each that passes them all, until a limit or a stop is reached or `visit` says
	 * false. A leading offset is a skip IndexedDB does without reading records.
	 */
	async #walk(
		tx: IDBTransaction,
		keysOnly: boolean,
		visit: (cursor: Cursor) => boolean | void,
		unique = false
	): Promise<void> {
		const q = this.query;
		const source = this.#source(tx);
		const ranges = q.reverse ? [...q.ranges].reverse() : q.ranges;
		const direction = ((q.reverse ? 'prev' : 'next') +
			(unique ? 'unique' : '')) as IDBCursorDirection;
		const stages = q.stages.map((s) => ({ ...s }));
		const needsValues = stages.some((s) => s.kind === 'filter' || s.kind === 'until');
		let leap = ranges.length === 1 && stages[0]?.kind === 'offset' ? stages[0].n : 0;
		if (leap > 0) stages[0] = { kind: 'offset', n: 0 };
		/** Passes a record through the stages: true to visit it, false to skip, null to stop. */
		const pass = (value: T): boolean | null => {
			for (const s of stages) {
				if (s.kind === 'filter') {
					if (!s.match(value)) return false;
				} else if (s.kind === 'until') {
					if (s.stop(value)) return null;
				} else if (s.kind === 'offset') {
					if (s.n > 0) return (s.n--, false);
				} else if (s.n <= 0) return null;
				else s.n--;
			}
			return true;
		};
		const done = () => stages.some((s) => s.kind === 'limit' && s.n <= 0);
		if (done()) return;
		for (const range of ranges) {
			const stopped = await new Promise<boolean>((resolve, reject) => {
				const req =
					keysOnly && !needsValues
						? source.openKeyCursor(range, direction)
						: source.openCursor(range, direction);
				req.onsuccess = () => {
					const cursor = req.result as Cursor | null;
					if (!cursor) return resolve(false);
					if (leap > 0) {
						const n = leap;
						leap = 0;
						return cursor.advance(n);
					}
					const verdict = pass(cursor.value as T);
					if (verdict === null) return resolve(true);
					if (verdict && visit(cursor) === false) return resolve(true);
					if (done()) return resolve(true);
					cursor.continue();
				};
				req.onerror = (e) => {
					e.preventDefault();
					e.stopPropagation();
					reject(req.error);
				};
			});
			if (stopped) return;
		}
	}

	#read<R>(body: (tx: IDBTransaction) => Promise<R>): Promise<R> {
		return this.table.db.run([this.table.name], 'r', body);
	}

	toArray(): Promise<T[]> {
		return this.#read(async (tx) => {
			if (this.#plainLimit !== null)
				return this.#getAll(tx, (s, r, n) => s.getAll(r, n)) as Promise<T[]>;
			const out: T[] = [];
			await this.#walk(tx, false, (c) => void out.push(c.value as T));
			return out;
		});
	}

	async #getAll(
		tx: IDBTransaction,
		get: (s: Source, r: IDBKeyRange | null, n?: number) => IDBRequest<unknown[]>
	): Promise<unknown[]> {
		const source = this.#source(tx);
		const limit = this.#plainLimit ?? Infinity;
		// IndexedDB reads a count of 0 as "no limit".
		if (limit === 0) return [];
		const count = limit === Infinity ? undefined : limit;
		const parts = await Promise.all(this.query.ranges.map((r) => request(get(source, r, count))));
		const all = parts.length === 1 ? parts[0] : parts.flat();
		return all.length > limit ? all.slice(0, limit) : all;
	}

	async first(): Promise<T | undefined> {
		return (await this.limit(1).toArray())[0];
	}

	async last(): Promise<T | undefined> {
		return (await this.reverse().limit(1).toArray())[0];
	}

	count(): Promise<number> {
		return this.#read(async (tx) => {
			if (this.#plainLimit === Infinity) {
				const source = this.#source(tx);
				const counts = await Promise.all(
					this.query.ranges.map((r) => request(source.count(r ?? undefined)))
				);
				return counts.reduce((a, b) => a + b, 0);
			}
			let n = 0;
			await this.#walk(tx, true, () => void n++);
			return n;
		});
	}

	/** The primary keys of the records, in this collection's order. */
	primaryKeys(): Promise<K[]> {
		return this.#read(async (tx) => {
			if (this.#plainLimit !== null)
				return this.#getAll(
					tx,
					(s, r, n) => s.getAllKeys(r, n) as IDBRequest<unknown[]>
				) as Promise<K[]>;
			const out: K[] = [];
			await this.#walk(tx, true, (c) => void out.push(c.primaryKey as K));
			return out;
		});
	}

	/** The distinct index keys. */
	uniqueKeys(): Promise<IDBValidKey[]> {
		return this.#read(async (tx) => {
			const out: IDBValidKey[] = [];
			await this.#walk(tx, true, (c) => void out.push(c.key), true);
			return out;
		});
	}

	each(visit: (record: T, cursor: { key: IDBValidKey; primaryKey: IDBValidKey }) => void) {
		return this.#read(async (tx) => {
			await this.#walk(tx, false, (c) => visit(c.value as T, c));
		});
	}

	/** The records sorted by `path` (descending when reversed), after offset and limit. */
	async sortBy(path: keyof T & string): Promise<T[]> {
		const records = await this.toArray();
		const dir = this.query.reverse ? -1 : 1;
		return records.sort((a, b) => (a[path] < b[path] ? -dir : a[path] > b[path] ? dir : 0));
	}

	/**
	 * Rewrites each record: `change` edits it in place or sets `ref.value` to replace it. Returns
	 * how many it visited.
	 */
	modify(change: (record: T, ref: { value: unknown }) => void): Promise<number> {
		return this.#writeEach((cursor) => {
			const ref = { value: cursor.value };
			change(cursor.value as T, ref);
			cursor.update(ref.value);
		});
	}

	delete(): Promise<number> {
		return this.#writeEach((cursor) => void cursor.delete());
	}

	#writeEach(write: (cursor: IDBCursorWithValue) => void): Promise<number> {
		return this.table.db.run([this.table.name], 'rw', async (tx) => {
			let n = 0;
			await this.#walk(tx, false, (c) => {
				write(c as IDBCursorWithValue);
				n++;
			});
			return n;
		});
	}
}
