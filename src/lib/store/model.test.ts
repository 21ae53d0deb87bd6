/**
 * Model-based tests: random sequences of operator, phone, sign-in, clock and world file actions
 * (model/actions.ts) against the real store on fake-indexeddb. After every step: the world's
 * invariants (domain/invariants checkWorld), the rules between two steps (checkStep: enrollment
 * data fixed, cards, clock), the audit rule for that command (checkAudit), and the reference
 * model of token states, users, failed counts and Inventory (model/reference.ts).
 *
 * Figures: MODEL_RUNS sequences (default 1,000) of up to 40 steps.
 *
 * A failure prints fast-check's seed and path and the shrunk sequence of actions, then each
 * step's result. To replay it exactly:
 *   MODEL_SEED=<seed> MODEL_PATH=<path> npx vitest run src/lib/store/model.test.ts
 * (MODEL_SEED alone replays the whole run from that seed; MODEL_RUNS=5000 searches longer;
 * MODEL_STATS=1 prints how often each action was accepted and refused.)
 */
import { watchWrites } from './idb/live-query';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupEntries, type CleanupEntry } from '$lib/domain/cleanup';
import { checkAudit, checkStep, checkWorld, describeViolations } from '$lib/domain/invariants';
import { mobilesOnMobilePassPlus, softwareTokenSettings } from '$lib/domain/policy';
import { generateWorld } from '$lib/domain/seed';
import type { World } from '$lib/domain/types';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import { rebuildCleanupList } from './cleanup-list';
import { SandboxDB } from './db';
import { realNow, setRealNow, simulatedNow } from './execute';
import { startClock, WORLD_START } from '$lib/domain/clock';
import { ACTIONS, anyAction, type Action } from './model/actions';
import type { ActionDef, Ctx } from './model/ctx';
import { TokenModel } from './model/reference';

const RUNS = Number(process.env.MODEL_RUNS ?? 1000);
const MAX_STEPS = 40;
const SPEC = { seed: 'model', users: 5 };

/** A small world: few tokens, so that inventory runs out and every state is reached quickly. */
function baseWorld(): World {
	const w = generateWorld(SPEC);
	const keep: Record<string, number> = { acme: 4, globex: 2 };
	w.tokens = w.tokens.filter((t) => t.state !== 'Inventory' || keep[t.serverId]-- > 0);
	// Acme has taken the migration's first step (iOS and Android on MobilePASS+ with push), so
	// sequences reach MobilePASS+ enrollments, push and Autosend; Globex is still all MobilePASS 8.
	// The policy action changes either.
	const acme = w.servers.find((s) => s.id === 'acme')!;
	acme.softwareTokens = mobilesOnMobilePassPlus(softwareTokenSettings(acme));
	// Most phones can run MobilePASS+ with push; one stays an old Android.
	w.phones.forEach((p, i) => {
		if (i === 1) Object.assign(p, { os: 'Android', osVersion: '7.0', model: 'Galaxy S7' });
		else if (i % 2 === 0) Object.assign(p, { os: 'iOS', osVersion: '17.5', model: 'iPhone 15' });
		else Object.assign(p, { os: 'Android', osVersion: '14', model: 'Pixel 8' });
		p.installed.mobilePassPlus = i % 4 !== 3 && i !== 1;
	});
	return w;
}

/** Tables written since the last read: only those are read again (the rest are as they were). */
const dirty = new Set<string>(WORLD_TABLES);
/** Tables written since the last reset: only those are restored. */
const touched = new Set<string>(WORLD_TABLES);
function trackWrites(db: SandboxDB) {
	watchWrites(db.name, (tables) => {
		for (const t of tables) {
			dirty.add(t);
			touched.add(t);
		}
	});
}

/**
 * The world and simulated now, in one read transaction: the tables written since `previous`
 * are read again (in parallel), the others are taken from it.
 */
async function read(db: SandboxDB, previous?: World): Promise<{ world: World; now: number }> {
	const stale = WORLD_TABLES.filter((t) => !previous || dirty.has(t));
	dirty.clear();
	return db.transaction('r', [...db.worldTables, db.meta], async (tx) => {
		const [now, ...tables] = await Promise.all([
			simulatedNow(tx),
			...stale.map((t) => tx.table(t).toArray())
		]);
		const world = { ...previous, ...Object.fromEntries(stale.map((t, i) => [t, tables[i]])) };
		return { world: world as World, now: now as number };
	});
}

/**
 * Back to the base world before each sequence: replaceWorld's effect (world, clock, no scenario
 * runs) with its writes in parallel, since 1,000 resets must stay cheap.
 */
async function reset(db: SandboxDB) {
	const restore = WORLD_TABLES.filter((t) => touched.has(t));
	const scenarioRuns = touched.has('scenarioRuns');
	await db.transaction('rw', [...db.worldTables, db.meta, db.scenarioRuns], async (tx) => {
		await Promise.all([
			...restore.map((t) => tx.table(t).clear()),
			...(scenarioRuns ? [tx.scenarioRuns.clear()] : [])
		]);
		await Promise.all([
			...restore.map((t) => tx.table(t).bulkAdd(base[t] as unknown[])),
			tx.meta.bulkPut([
				{ key: 'world', value: { ...SPEC, createdAt: real.t } },
				{ key: 'clock', value: startClock(WORLD_START, real.t) }
			])
		]);
		if (touched.has('tokens') || touched.has('cleanupList'))
			await rebuildCleanupList(tx, base.tokens);
	});
	touched.clear();
}

const db = new SandboxDB('model-based');
trackWrites(db);
const base = baseWorld();
const real = { t: Date.UTC(2026, 5, 1, 12) };
const savedNow = realNow;

beforeAll(() => setRealNow(() => real.t));
afterAll(() => setRealNow(savedNow));

/**
 * Sequences of 1 to 40 steps: half of them short (up to 12), a third of middle length, the rest
 * long (26 to 40), so that 1,000 of them fit the time budget and long ones are still many.
 */
const sequence = fc.oneof(
	{ weight: 10, arbitrary: fc.array(anyAction, { minLength: 1, maxLength: 12, size: 'max' }) },
	{ weight: 7, arbitrary: fc.array(anyAction, { minLength: 13, maxLength: 25, size: 'max' }) },
	{
		weight: 3,
		arbitrary: fc.array(anyAction, { minLength: 26, maxLength: MAX_STEPS, size: 'max' })
	}
);

/** Accepted and refused steps per action (MODEL_STATS=1 prints them: what the runs reached). */
const STATS: Record<string, { ok: number; refused: number }> = {};
/** CPU seconds per phase, printed with the figures. */
const PHASES = { run: 0, read: 0, check: 0 };
const cpuSince = (t: NodeJS.CpuUsage) => {
	const u = process.cpuUsage(t);
	return (u.user + u.system) / 1e6;
};

/** The clean-up list kept beside the world (store/cleanup-list.ts) against its tokens. */
async function cleanupListProblems(world: World): Promise<string[]> {
	const kept = await db.cleanupList.toArray();
	const bySerial = (a: CleanupEntry, b: CleanupEntry) => (a.serial < b.serial ? -1 : 1);
	const expected = cleanupEntries(world.tokens).sort(bySerial);
	return JSON.stringify(kept) === JSON.stringify(expected)
		? []
		: [`the clean-up list is ${JSON.stringify(kept)}, its tokens give ${JSON.stringify(expected)}`];
}

/** Runs one sequence; returns the first problem found, with the steps up to it. */
async function runSequence(actions: Action[]): Promise<string | null> {
	real.t = Date.UTC(2026, 5, 1, 12);
	await reset(db);
	const start = await read(db);
	const ctx: Ctx = { db, ...start, real, model: new TokenModel(start.world) };
	const log: string[] = [];
	for (const [i, action] of actions.entries()) {
		const def = ACTIONS[action.name] as ActionDef<unknown>;
		let t = process.cpuUsage();
		const step = await def.run(ctx, action.p);
		PHASES.run += cpuSince(t);
		if (!step) continue;
		t = process.cpuUsage();
		const after = await read(db, ctx.world);
		PHASES.read += cpuSince(t);
		t = process.cpuUsage();
		const r = step.result;
		const stat = (STATS[action.name] ??= { ok: 0, refused: 0 });
		stat[r.ok ? 'ok' : 'refused']++;
		log.push(
			`${i + 1}. ${action.name} ${JSON.stringify(action.p)} → ${r.ok ? 'ok' : `refused: ${r.reason}`}`
		);
		const problems = [
			...(await cleanupListProblems(after.world)),
			...(step.mismatch ?? []),
			...(step.sameWorld && JSON.stringify(after.world) !== JSON.stringify(ctx.world)
				? ['the world changed (an export imported again must give it back exactly)']
				: []),
			...describeViolations(checkWorld(after.world, after.now, 5)),
			...describeViolations(checkStep(ctx, after)),
			...describeViolations(checkAudit(ctx.world, after.world, r, def.kind)),
			...ctx.model.compare(after.world).slice(0, 5)
		];
		PHASES.check += cpuSince(t);
		if (problems.length) return [...log, 'Broken:', ...problems].join('\n');
		ctx.world = after.world;
		ctx.now = after.now;
	}
	return null;
}

describe('model-based: any sequence of actions keeps the world consistent', () => {
	it('the base world passes the checker', () => {
		expect(checkWorld(base, Date.UTC(2026, 2, 2))).toEqual([]);
	});

	it(`${RUNS} random sequences of up to ${MAX_STEPS} steps`, async () => {
		const seed = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined;
		const path = process.env.MODEL_PATH;
		const started = performance.now();
		const cpu = process.cpuUsage();
		let steps = 0;
		let longest = 0;
		const property = fc.asyncProperty(sequence, async (actions) => {
			steps += actions.length;
			longest = Math.max(longest, actions.length);
			const problem = await runSequence(actions);
			if (problem) throw new Error(problem);
		});
		const details = await fc.check(property, { numRuns: RUNS, seed, path, endOnFailure: !!path });
		if (details.failed) {
			const counterexample = details.counterexample?.[0] as Action[] | undefined;
			const replay = `MODEL_SEED=${details.seed} MODEL_PATH=${details.counterexample ? details.counterexamplePath : ''} npx vitest run src/lib/store/model.test.ts`;
			throw new Error(
				[
					`Failed after ${details.numRuns} sequence(s), seed ${details.seed}, path ${details.counterexamplePath}.`,
					`Replay: ${replay}`,
					'Shrunk sequence:',
					...(counterexample ?? []).map((a, i) => `  ${i + 1}. ${a.name} ${JSON.stringify(a.p)}`),
					'',
					String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)
				].join('\n')
			);
		}
		const seconds = (performance.now() - started) / 1000;
		const used = process.cpuUsage(cpu);
		// CPU time is about what the run takes on an idle machine; wall time grows with the load.
		console.info(
			`model-based: ${details.numRuns} sequences, ${steps} steps (longest ${longest}), ` +
				`${seconds.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU ` +
				`(commands ${PHASES.run.toFixed(1)}, reads ${PHASES.read.toFixed(1)}, checks ${PHASES.check.toFixed(1)})`
		);
		if (process.env.MODEL_STATS)
			console.info(
				Object.entries(STATS)
					.map(([name, n]) => `${name}: ${n.ok} accepted, ${n.refused} refused`)
					.join('\n')
			);
		expect(details.numRuns).toBe(RUNS);
	}, 600_000);
});
