import { liveQuery } from './idb/live-query';
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
 * A live query as a rune-friendly value. The query starts when an effect first reads `current`
 * and stops when none does; it re-runs when any window writes a table it read.
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
			// The read starts in a task of its own, not in the one that reads `current`: a first
			// screen starts a dozen queries as it is built, and their reads made that task long.
			let sub: { unsubscribe(): void } | undefined;
			const starting = setTimeout(() => {
				sub = liveQuery(query).subscribe({
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
			});
			return () => {
				clearTimeout(starting);
				arrived();
				sub?.unsubscribe();
			};
		});
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	/**
	 * A first value read before anything shows the query, e.g. as the app starts: the first
	 * screen is built with it rather than with nothing, and again once the query answers.
	 */
	seed(value: T) {
		if (this.#loaded) return;
		this.#value = value;
		this.#loaded = true;
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
 * A live query whose arguments are reactive: `args` is read in a derived, so a change to any
 * rune it touches (server, page, search) that changes its value restarts the query, and `query`
 * only sees the plain values. One line per use:
 * `live(() => ({ serverId, page }), (a) => tokenPage(db, a))`.
 * Call it where runes may be created (component setup or a class field). A query without
 * arguments needs no derived: `new Live(() => readSession(db))`.
 */
export function live<A, T>(args: () => A, query: (a: A) => Promise<T> | T): LiveRead<T> {
	// The query restarts only when the arguments' value changes, not each time a rune they were
	// read from does: a re-read phone record with the same id keeps its tokens on screen.
	let last: { a: A; source: Live<T> } | null = null;
	const source = $derived.by(() => {
		const a = args();
		if (last && sameValue(last.a, a)) return last.source;
		last = { a, source: new Live(() => query(a)) };
		return last.source;
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

/** Equal as values: the same primitives, or plain objects and arrays with equal members. */
function sameValue(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	const proto = Object.getPrototypeOf(a);
	if (
		proto !== Object.getPrototypeOf(b) ||
		(proto !== Object.prototype && proto !== Array.prototype)
	)
		return false;
	const keys = Object.keys(a);
	return (
		keys.length === Object.keys(b).length &&
		keys.every((k) =>
			sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
		)
	);
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
	// The arguments whose first rows are on screen, numbered: a new value each time, so that the
	// whole read restarts and a step can tell whether its read is still the one wanted.
	let painted = $state.raw<{ a: A; n: number } | null>(null);
	let paints = 0;
	// Whether the first rows have arrived, not their value: a change to them (a write) re-runs
	// them live without restarting the whole read, which re-runs live by itself.
	const arrived = $derived(firstRead.current !== undefined);
	$effect(() => {
		if (!arrived) return;
		const a = args();
		let stale = false;
		requestAnimationFrame(() =>
			setTimeout(() => {
				if (!stale) painted = { a, n: ++paints };
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
