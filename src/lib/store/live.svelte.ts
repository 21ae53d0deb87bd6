import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

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
			const sub = liveQuery(query).subscribe({
				next: (v) => {
					this.#value = v;
					this.#loaded = true;
					this.#error = undefined;
				},
				error: (e) => (this.#error = e)
			});
			return () => sub.unsubscribe();
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
