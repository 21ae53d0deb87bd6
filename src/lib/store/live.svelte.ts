import { liveQuery } from 'dexie';
import { onDestroy } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { Whole, type Steps } from './queries/steps';

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

/**
 * A large result read in two parts, as the console's long pages show it: `first` is one page
 * from an index, at once; `whole` is everything, read in steps (`Steps`). The whole read starts
 * only once the first rows are painted, since the browser decodes what it reads on the main
 * thread and would otherwise hold back that frame; it stops at its next step once the page is
 * gone or `args` changed. Both restart, and re-run live, like `live()`. Call it in component setup.
 */
export function firstThenWhole<A, F, W>(
	args: () => A,
	first: (a: A) => Promise<F>,
	whole: (a: A, steps: Steps) => Promise<W>
): { readonly first: F | undefined; readonly whole: W | undefined } {
	const firstRead = live(args, first);
	// The arguments whose first rows are on screen; a new object each time, so a step can tell
	// whether its read is still the one wanted.
	let painted = $state.raw<{ a: A } | null>(null);
	// Whether the first rows have arrived, not their value: a change to them (a write) re-runs
	// them live without restarting the whole read, which re-runs live by itself.
	const arrived = $derived(firstRead.current !== undefined);
	$effect(() => {
		if (!arrived) return;
		const a = args();
		let stale = false;
		requestAnimationFrame(() =>
			setTimeout(() => {
				if (!stale) painted = { a };
			}, 0)
		);
		return () => {
			stale = true;
			painted = null;
		};
	});
	let gone = false;
	onDestroy(() => (gone = true));
	const wholeRead = live(
		() => painted,
		async (p) =>
			p === null ? undefined : new Whole(await whole(p.a, { wanted: () => !gone && painted === p }))
	);
	return {
		get first() {
			return firstRead.current;
		},
		get whole() {
			return wholeRead.current?.value;
		}
	};
}
