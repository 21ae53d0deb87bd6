import { simNow, WORLD_START, type ClockState } from '$lib/domain/clock';
import type { Instant } from '$lib/domain/types';
import { createSubscriber } from 'svelte/reactivity';
import type { SandboxDB } from './db';
import { Live } from './live.svelte';
import { readClock } from './meta';
import { realNow } from './execute';

/** The simulated clock as the UI sees it: shared through the database, ticking on screen. */
export class SimClock {
	#state: Live<ClockState>;
	#real = $state(realNow());
	#tick = createSubscriber(() => {
		const id = setInterval(() => (this.#real = realNow()), 250);
		return () => clearInterval(id);
	});

	constructor(db: () => SandboxDB) {
		this.#state = new Live(() => readClock(db()));
	}

	/** Simulated now, refreshed four times a second while anything shows it. */
	get now(): Instant {
		this.#tick();
		const state = this.#state.current;
		return state ? simNow(state, this.#real) : WORLD_START;
	}

	/**
	 * The wall clock, ticking with `now`: one-time passwords follow it (a real authenticator app
	 * that scanned the same QR shows the same code), whatever the simulated calendar says.
	 */
	get real(): number {
		this.#tick();
		return this.#real;
	}

	get paused(): boolean {
		return this.#state.current?.paused ?? false;
	}
}
