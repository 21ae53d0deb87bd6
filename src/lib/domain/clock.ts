import type { Instant } from './types';

/**
 * The simulated clock. Simulated time runs at wall-clock speed from an anchor, can be paused,
 * and can jump forward. The caller passes the wall-clock reading in, so the domain never reads
 * it itself and tests can drive time exactly.
 */
export interface ClockState {
	/** Simulated time at the anchor. */
	simAt: Instant;
	/** Wall-clock time (ms) at the anchor. */
	realAt: number;
	paused: boolean;
}

export function startClock(sim: Instant, realNow: number, paused = false): ClockState {
	return { simAt: sim, realAt: realNow, paused };
}

export function simNow(clock: ClockState, realNow: number): Instant {
	return clock.paused ? clock.simAt : clock.simAt + Math.max(0, realNow - clock.realAt);
}

export function pauseClock(clock: ClockState, realNow: number): ClockState {
	return { simAt: simNow(clock, realNow), realAt: realNow, paused: true };
}

export function resumeClock(clock: ClockState, realNow: number): ClockState {
	return { simAt: simNow(clock, realNow), realAt: realNow, paused: false };
}

export function advanceClock(clock: ClockState, ms: number, realNow: number): ClockState {
	if (!(ms > 0)) throw new RangeError('The clock only moves forward.');
	return { simAt: simNow(clock, realNow) + ms, realAt: realNow, paused: clock.paused };
}

/** Simulated time at which every seeded world starts: Monday 2 March 2026, 09:00 UTC. */
export const WORLD_START: Instant = Date.UTC(2026, 2, 2, 9, 0, 0);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
