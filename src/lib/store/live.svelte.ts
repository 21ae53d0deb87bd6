import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/**
 * Live queries started that have not yet had their first result (or error). A plain counter,
 * not $state: it goes up while a template first reads a query, where Svelte forbids changing
 * state (state_unsafe_mutation); the root layout polls it instead.
 */
let awaitingFirst = 0;

/**
 * How many live queries wait for their first result. The root layout shows the page once this
 * stays at 0, so the first screen appears whole instead of jumping as each query fills in.
 */
export function queriesAwaitingFirstResult(): number {
	return awaitingFirst;
}

/**
 * A Dexie live query as a rune-friendly value. The query starts when an effect first reads
 * `current` and stops when none does; Dexie re-runs it when any tab changes what it read.
 */
export class Live<T> {
	#value = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#loaded = $state(false);
	#subscribe: () => void;

	constructor(query: () => Promise<T> | T) {
		this.#subscribe = createSubscriber(() => {
			let waiting = true;
			awaitingFirst++;
			const arrived = () => {
				if (waiting) awaitingFirst--;
				waiting = false;
			};
			const sub = liveQuery(query).subscribe({
				next: (v) => {
					this.#value = v;
					this.#loaded = true;
					this.#error = undefined;
					arrived();
				},
				error: (e) => {
					this.#error = e;
					arrived();
				}
			});
			return () => {
				arrived();
				sub.unsubscribe();
			};
		});
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	get loaded(): boolean {
		this.#subscribe();
		return this.#loaded;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}

/** What `live()` returns: the latest result, whether one has arrived, and the last error. */
export interface LiveRead<T> {
	readonly current: T | undefined;
	readonly loaded: boolean;
	readonly error: unknown;
}

/**
 * A live query whose arguments are reactive: `args` is read in a derived, so every rune it
 * touches (server, page, search) restarts the query when it changes, and `query` only sees the
 * plain values. One line per use: `live(() => ({ serverId, page }), (a) => tokenPage(db, a))`.
 * Call it where runes may be created (component setup or a class field). A query without
 * arguments needs no derived: `new Live(() => readSession(db))`.
 */
export function live<A, T>(args: () => A, query: (a: A) => Promise<T> | T): LiveRead<T> {
	const source = $derived.by(() => {
		const a = args();
		return new Live(() => query(a));
	});
	return {
		get current() {
			return source.current;
		},
		get loaded() {
			return source.loaded;
		},
		get error() {
			return source.error;
		}
	};
}
