/**
 * One object store: reads by key, writes, and `where` for reads through an index. Every method
 * runs in the transaction of the view it came from (see Database).
 */
import type { Database } from './database';
import { issueInSlices, request } from './request';
import { Collection } from './collection';

/** The lowest and highest keys, for open ends of compound ranges: `[serverId, minKey]`. */
export const minKey = -Infinity;
export const maxKey: IDBValidKey = [[]];

/** Sets a Dexie-style key path ('a' or 'a.b') on a record; undefined deletes it. */
function setPath(record: Record<string, unknown>, path: string, value: unknown) {
	const parts = path.split('.');
	let at = record;
	for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
	const last = parts[parts.length - 1];
	if (value === undefined) delete at[last];
	else at[last] = value;
}

export class Table<T, K extends IDBValidKey = IDBValidKey, I = T> {
	constructor(
		readonly db: Database,
		readonly name: string
	) {}

	#store(tx: IDBTransaction) {
		return tx.objectStore(this.name);
	}

	#read<R>(body: (store: IDBObjectStore) => Promise<R>): Promise<R> {
		return this.db.run([this.name], 'r', (tx) => body(this.#store(tx)));
	}

	#write<R>(body: (store: IDBObjectStore) => Promise<R>): Promise<R> {
		return this.db.run([this.name], 'rw', (tx) => body(this.#store(tx)));
	}

	get(key: K): Promise<T | undefined> {
		return this.#read((s) => request(s.get(key)));
	}

	/** The records of `keys`, in their order, undefined where there is none. */
	bulkGet(keys: readonly K[]): Promise<(T | undefined)[]> {
		return this.#read((s) => Promise.all(keys.map((k) => request(s.get(k)))));
	}

	count(): Promise<number> {
		return this.#read((s) => request(s.count()));
	}

	toArray(): Promise<T[]> {
		return this.#read((s) => request(s.getAll()));
	}

	/** Adds a record; an auto-incremented key is set on it, as Dexie did. */
	add(record: I): Promise<K> {
		return this.#write(async (s) => this.#keyed(record, await request(s.add(record))));
	}

	put(record: T | I): Promise<K> {
		return this.#write(async (s) => this.#keyed(record, await request(s.put(record))));
	}

	/**
	 * Adds every record. If one fails, the error (a BulkError) says how many and carries the first
	 * failure as `inner`; uncaught, it undoes the whole transaction, as any error does.
	 */
	bulkAdd(records: readonly I[]): Promise<void> {
		return this.#write(async (s) => {
			const results = await Promise.allSettled(
				await issueInSlices(records, async (r) => this.#keyed(r, await request(s.add(r))))
			);
			const failures = results.filter((r) => r.status === 'rejected');
			if (failures.length > 0) {
				const error = new Error(
					`${failures.length} of ${records.length} records were not added to ${this.name}: ${String((failures[0] as PromiseRejectedResult).reason)}`
				);
				error.name = 'BulkError';
				// The first failure, as Dexie's BulkError carried it: a full disk is told apart by it.
				Object.assign(error, { inner: (failures[0] as PromiseRejectedResult).reason });
				throw error;
			}
		});
	}

	bulkPut(records: readonly (T | I)[]): Promise<void> {
		return this.#write(async (s) => {
			await Promise.all(await issueInSlices(records, (r) => request(s.put(r))));
		});
	}

	delete(key: K): Promise<void> {
		return this.#write((s) => request(s.delete(key)));
	}

	bulkDelete(keys: readonly K[]): Promise<void> {
		return this.#write(async (s) => {
			await Promise.all(keys.map((k) => request(s.delete(k))));
		});
	}

	clear(): Promise<void> {
		return this.#write((s) => request(s.clear()));
	}

	/** Sets `changes` (key path → value) on the record of `key`: 1 if there was one, else 0. */
	update(key: K, changes: Partial<T> | Record<string, unknown>): Promise<number> {
		return this.#write(async (s) => {
			const record = await request(s.get(key));
			if (record === undefined) return 0;
			for (const [path, value] of Object.entries(changes)) setPath(record, path, value);
			await request(s.put(record));
			return 1;
		});
	}

	#keyed(record: unknown, key: IDBValidKey): K {
		const spec = this.db.spec(this.name);
		if (spec.autoIncrement && typeof spec.keyPath === 'string') {
			const r = record as Record<string, unknown>;
			if (r[spec.keyPath] === undefined) r[spec.keyPath] = key;
		}
		return key as K;
	}

	/** Reads through the index `index` (a name as the schema writes it), or the primary key. */
	where(index: string): WhereClause<T, K> {
		return new WhereClause(this, index);
	}

	/** Every record, in the order of `index`. */
	orderBy(index: string): Collection<T, K> {
		return this.collection(index, [null]);
	}

	toCollection(): Collection<T, K> {
		return this.collection(':id', [null]);
	}

	filter(match: (record: T) => boolean): Collection<T, K> {
		return this.toCollection().filter(match);
	}

	/** The records of `ranges` (null: every key) of `index`, which may name the primary key. */
	collection(index: string, ranges: (IDBKeyRange | null)[]): Collection<T, K> {
		const { keyPath } = this.db.spec(this.name);
		const primary = index === ':id' || (typeof keyPath === 'string' && index === keyPath);
		return new Collection<T, K>(this, {
			index: primary ? null : index,
			ranges,
			reverse: false,
			stages: []
		});
	}
}

/** The start of an index read: which keys. */
export class WhereClause<T, K extends IDBValidKey> {
	constructor(
		readonly table: Table<T, K, unknown>,
		readonly index: string
	) {}

	#with(ranges: (IDBKeyRange | null)[]): Collection<T, K> {
		return this.table.collection(this.index, ranges);
	}

	get #range() {
		return this.table.db.keyRange;
	}

	#cmp(a: unknown, b: unknown) {
		return this.table.db.factory.cmp(a, b);
	}

	equals(key: IDBValidKey): Collection<T, K> {
		return this.#with([this.#range.only(key)]);
	}

	/** Keys from `lower` to `upper`; by default including `lower` and not `upper`, as Dexie. */
	between(lower: unknown, upper: unknown, includeLower = true, includeUpper = false) {
		const order = this.#cmp(lower, upper);
		if (order > 0 || (order === 0 && !(includeLower && includeUpper))) return this.#with([]);
		return this.#with([this.#range.bound(lower, upper, !includeLower, !includeUpper)]);
	}

	/** Records with any of `keys`, in key order. */
	anyOf(keys: readonly IDBValidKey[]): Collection<T, K> {
		const sorted = [...keys].sort((a, b) => this.#cmp(a, b));
		const unique = sorted.filter((k, i) => i === 0 || this.#cmp(sorted[i - 1], k) !== 0);
		return this.#with(unique.map((k) => this.#range.only(k)));
	}
}
