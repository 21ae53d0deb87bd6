/**
 * Inbound messages, one at a time and in arrival order. Items pushed before `start` wait (the
 * embed has not read its allow-list yet, or is still setting up); once started, each item's
 * handler runs to completion before the next begins, so a `reset` sent right after a
 * `goToStep` always wins. A handler that throws does not stop the queue.
 */
export class SerialQueue<T> {
	#items: T[] = [];
	#handler: ((item: T) => Promise<void> | void) | null = null;
	#running = false;
	#idle: (() => void)[] = [];
	readonly #onError: (error: unknown) => void;

	constructor(onError: (error: unknown) => void = (e) => console.error(e)) {
		this.#onError = onError;
	}

	push(item: T): void {
		this.#items.push(item);
		void this.#drain();
	}

	/** Starts handling, the waiting items first. */
	start(handler: (item: T) => Promise<void> | void): void {
		this.#handler = handler;
		void this.#drain();
	}

	get pending(): number {
		return this.#items.length + (this.#running ? 1 : 0);
	}

	/** Resolves once every item pushed so far is handled (for tests and for shutdown). */
	idle(): Promise<void> {
		if (!this.#running && (this.#items.length === 0 || !this.#handler)) return Promise.resolve();
		return new Promise((resolve) => this.#idle.push(resolve));
	}

	async #drain() {
		if (this.#running || !this.#handler) return;
		this.#running = true;
		try {
			while (this.#items.length > 0) {
				const item = this.#items.shift()!;
				try {
					await this.#handler(item);
				} catch (error) {
					this.#onError(error);
				}
			}
		} finally {
			this.#running = false;
			for (const resolve of this.#idle.splice(0)) resolve();
		}
	}
}
