/**
 * Live queries: a query re-runs when a write to a table it read commits, in this window or in
 * another (a BroadcastChannel per database carries the names of the tables written).
 *
 * Which tables a query read is noted while it runs: every read made while a query is running
 * counts for it. Two queries running at once each count the other's reads too, which costs at
 * worst a re-run more, never a missed change; a JavaScript promise carries no context that
 * would tell them apart (Dexie patched the global Promise for that).
 */

export interface Observer<T> {
	next?: (value: T) => void;
	error?: (error: unknown) => void;
}

export interface LiveQuery<T> {
	subscribe(observer: Observer<T> | ((value: T) => void)): { unsubscribe(): void };
}

const key = (db: string, table: string) => `${db}\n${table}`;

/** Queries in the middle of a run: each read counts for all of them. */
const running = new Set<Observation<unknown>>();
/** What hears each committed write (the keys of the tables written): every subscribed query. */
const listeners = new Set<(keys: string[]) => void>();
const channels = new Map<string, BroadcastChannel>();

/** A read of `tables` of database `db` has started. */
export function noteRead(db: string, tables: Iterable<string>): void {
	if (running.size === 0) return;
	for (const t of tables) {
		const k = key(db, t);
		for (const o of running) o.reading.add(k);
	}
}

/** A write to `tables` of database `db` has committed. */
export function noteWrite(db: string, tables: readonly string[], elsewhere = false): void {
	const keys = tables.map((t) => key(db, t));
	for (const listen of listeners) listen(keys);
	if (!elsewhere) channel(db)?.postMessage(tables);
}

/** The channel to other windows of the same database; none outside a browser. */
function channel(db: string): BroadcastChannel | null {
	if (typeof window === 'undefined' || typeof BroadcastChannel === 'undefined') return null;
	let c = channels.get(db);
	if (!c) {
		c = new BroadcastChannel(`sta-sandbox-writes:${db}`);
		c.onmessage = (e: MessageEvent<string[]>) => noteWrite(db, e.data, true);
		channels.set(db, c);
	}
	return c;
}

class Observation<T> {
	/** The tables the last complete run read. */
	read = new Set<string>();
	/** The tables the current run has read so far. */
	reading = new Set<string>();
	#busy = false;
	#again = false;
	#closed = false;

	constructor(
		readonly query: () => Promise<T> | T,
		readonly observer: Observer<T>
	) {}

	changed(keys: string[]) {
		const hit = (set: Set<string>) => keys.some((k) => set.has(k));
		if (this.#busy) {
			if (hit(this.reading) || hit(this.read)) this.#again = true;
		} else if (hit(this.read)) void this.run();
	}

	async run() {
		if (this.#closed) return;
		if (this.#busy) {
			this.#again = true;
			return;
		}
		this.#busy = true;
		this.#again = false;
		this.reading = new Set();
		running.add(this as Observation<unknown>);
		let ok = false;
		let value: T | undefined;
		let error: unknown;
		try {
			value = await this.query();
			ok = true;
		} catch (e) {
			error = e;
		}
		running.delete(this as Observation<unknown>);
		this.read = this.reading;
		this.#busy = false;
		if (this.#closed) return;
		if (ok) this.observer.next?.(value as T);
		else this.observer.error?.(error);
		if (this.#again) void this.run();
	}

	close() {
		this.#closed = true;
		running.delete(this as Observation<unknown>);
	}
}

/**
 * A query that runs when subscribed to and again whenever a table it read is written, until
 * unsubscribed. Each run's result goes to `next`, or its error to `error`.
 */
export function liveQuery<T>(query: () => Promise<T> | T): LiveQuery<T> {
	return {
		subscribe(observer) {
			const o = new Observation(
				query,
				typeof observer === 'function' ? { next: observer } : observer
			);
			const listen = (keys: string[]) => o.changed(keys);
			listeners.add(listen);
			void o.run();
			return {
				unsubscribe: () => {
					listeners.delete(listen);
					o.close();
				}
			};
		}
	};
}

/**
 * Calls `listener` with the tables of every committed write to database `db`, from this window
 * or another, until the returned function is called.
 */
export function watchWrites(db: string, listener: (tables: string[]) => void): () => void {
	const prefix = key(db, '');
	const listen = (keys: string[]) => {
		const tables = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
		if (tables.length > 0) listener(tables);
	};
	listeners.add(listen);
	return () => listeners.delete(listen);
}

/** Listens to other windows' writes to database `db` (live queries need it once per database). */
export function listenToOtherWindows(db: string): void {
	channel(db);
}
