import { describe, expect, it } from 'vitest';
import { advanceClock, DAY, pauseClock, resumeClock, simNow, startClock } from './clock';

describe('simulated clock', () => {
	const start = Date.UTC(2026, 2, 2, 9);

	it('runs at wall-clock speed from its anchor', () => {
		const c = startClock(start, 1000);
		expect(simNow(c, 1000)).toBe(start);
		expect(simNow(c, 6000)).toBe(start + 5000);
	});

	it('stands still while paused and goes on from there when resumed', () => {
		const paused = pauseClock(startClock(start, 0), 10_000);
		expect(simNow(paused, 50_000)).toBe(start + 10_000);
		const resumed = resumeClock(paused, 50_000);
		expect(simNow(resumed, 51_000)).toBe(start + 11_000);
	});

	it('advances by a day, paused or not, and never goes back', () => {
		const c = advanceClock(startClock(start, 0, true), DAY, 5000);
		expect(simNow(c, 99_999)).toBe(start + DAY);
		expect(() => advanceClock(c, -1, 0)).toThrow(RangeError);
	});
});
