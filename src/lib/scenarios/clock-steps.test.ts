/**
 * Scenario steps that depend on the simulated clock: re-checked on a timer only while current,
 * and the checks see a move of the clock.
 */
import { describe, expect, it } from 'vitest';
import { liveQuery } from '$lib/store/idb/live-query';
import { DAY } from '$lib/domain/clock';
import { changeStopDateCommand, resendEmailCommand } from '$lib/store/provisioning-commands';
import { moveClock } from '$lib/store/view-commands';
import { simulatedNow } from '$lib/store/execute';
import { doItForMe, readRun } from '$lib/store/training';
import { clockRecheckInterval } from './engine';
import { ids, setup } from '$lib/store/scenario-test-kit';

describe('steps that depend on the simulated clock', () => {
	it('are re-checked on a timer only while current and while the clock runs', async () => {
		const { scenario, db, progress } = await setup('troubleshooting');
		const run = await readRun(db, scenario.id);
		expect(scenario.steps[0].clock).toBe(true);
		expect(clockRecheckInterval(scenario, run, false)).toBe(1000);
		expect(clockRecheckInterval(scenario, run, true)).toBeNull();
		expect((await doItForMe(db, scenario, 0)).ok).toBe(true);
		expect(await progress()).toEqual(ids(scenario, 1));
		expect(clockRecheckInterval(scenario, await readRun(db, scenario.id), false)).toBeNull();
	});

	it('the checks see a move of the clock: the view re-loads, with the new now', async () => {
		const { scenario, db } = await setup('troubleshooting');
		const { loadView, tablesOf } = await import('$lib/store/training');
		const seen: number[] = [];
		const sub = liveQuery(() => loadView(db, tablesOf(scenario))).subscribe((v) =>
			seen.push(v.now)
		);
		await expect.poll(() => seen.length).toBe(1);
		await moveClock(db, { kind: 'advance', ms: DAY });
		await expect.poll(() => seen.length).toBe(2);
		sub.unsubscribe();
		expect(seen[1] - seen[0]).toBeGreaterThanOrEqual(DAY);
	});

	it('a link renewed for a day stops counting as usable once the day has passed', async () => {
		const { scenario, db } = await setup('troubleshooting');
		const e = (await db.enrollments.where('userId').equals('acme-u6').first())!;
		await changeStopDateCommand(db, 'acme', e.taskId, (await simulatedNow(db)) + DAY);
		await resendEmailCommand(db, 'acme', e.id);
		const { loadView, tablesOf } = await import('$lib/store/training');
		expect(scenario.steps[0].check(await loadView(db, tablesOf(scenario)))).toBe(true);
		await moveClock(db, { kind: 'advance', ms: 2 * DAY });
		expect(scenario.steps[0].check(await loadView(db, tablesOf(scenario)))).toBe(false);
	});
});
