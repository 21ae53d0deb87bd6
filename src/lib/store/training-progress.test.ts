/** Checklist progress reads each change once (issue 12, item 6). */
import { describe, expect, it, vi } from 'vitest';
import { loadScenario } from '$lib/scenarios/catalog';
import { newRun } from '$lib/scenarios/engine';
import { provisionCommand } from './provisioning-commands';
import { changeTargetSettingCommand } from './policy-commands';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { simulatedNow } from './execute';
import { testDb } from './test-db';
import {
	loadCheckView,
	loadView,
	recordProgress,
	startScenario,
	startingWorld,
	tablesOf
} from './training';

async function provisioned() {
	const scenario = (await loadScenario('migrate-one-user'))!;
	const db = await testDb(await startingWorld(scenario));
	await db.scenarioRuns.put(newRun(scenario, 0, await simulatedNow(db)));
	// Step 1: Software Token & Push OTP Settings send iOS and Android users to MobilePASS+.
	for (const target of ['iOS', 'Android'] as const)
		await changeTargetSettingCommand(db, 'acme', target, {
			allowed: true,
			app: 'MobilePASS+',
			push: true
		});
	expect((await provisionCommand(db, 'acme', ['acme-u1'])).ok).toBe(true);
	return { scenario, db };
}

const names = (args: unknown[]) =>
	(args.slice(1, -1).flat() as ({ name: string } | string)[]).map((t) =>
		typeof t === 'string' ? t : t.name
	);

describe('recordProgress', () => {
	it('records from the view the checklist already has: no world table read again or locked', async () => {
		const { scenario, db } = await provisioned();
		const view = await loadView(db, tablesOf(scenario));
		const transactions = vi.spyOn(db, 'transaction');
		const tables = vi.spyOn(db, 'table');
		expect(await recordProgress(db, scenario, view)).toEqual(['policy', 'provision']);
		for (const call of transactions.mock.calls) {
			expect(call[0]).toBe('rw');
			expect(names(call)).toEqual(['scenarioRuns']);
		}
		const worldReads = tables.mock.calls.filter(([t]) => (WORLD_TABLES as string[]).includes(t));
		expect(worldReads).toEqual([]);
	});

	it('decides from that view, not from a second read', async () => {
		const { scenario, db } = await provisioned();
		const view = await loadView(db, tablesOf(scenario));
		expect(await recordProgress(db, scenario, { ...view, enrollments: [] })).toEqual(['policy']);
		expect(await recordProgress(db, scenario, view)).toEqual(['provision']);
	});

	it('without a view, reads the world once, read-only, outside the write', async () => {
		const { scenario, db } = await provisioned();
		const transactions = vi.spyOn(db, 'transaction');
		expect(await recordProgress(db, scenario)).toEqual(['policy', 'provision']);
		const writes = transactions.mock.calls.filter((c) => c[0] === 'rw');
		expect(writes.map(names)).toEqual([['scenarioRuns']]);
	});

	it('a view read before a restart records nothing in the new run (the embed reset race)', async () => {
		const { scenario, db } = await provisioned();
		const before = await loadCheckView(db, scenario);
		expect((await startScenario(db, scenario)).ok).toBe(true);
		expect(await recordProgress(db, scenario, before.view)).toEqual(['policy', 'provision']);
		expect((await startScenario(db, scenario)).ok).toBe(true);
		expect(await recordProgress(db, scenario, before.view, before.runStartedAt)).toEqual([]);
		const after = await loadCheckView(db, scenario);
		expect(after.runStartedAt).not.toBe(before.runStartedAt);
		expect(await recordProgress(db, scenario, after.view, after.runStartedAt)).toEqual([]);
	});
});
