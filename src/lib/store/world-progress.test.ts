import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { dumpTables, testDb } from './test-db';
import { replaceWorld, resetWorld, type WorldProgress } from './world';

describe('replaceWorld in chunks', () => {
	it('reports progress up to every record written, then holds the new world', async () => {
		const db = await testDb();
		const spec = { seed: 'chunks', users: 1500 };
		const world = generateWorld(spec);
		const seen: WorldProgress[] = [];
		await replaceWorld(db, world, spec, undefined, (p) => seen.push(p));
		const total = Object.values(world).reduce((n, rows) => n + rows.length, 0);
		const writes = seen.filter((p) => p.phase === 'writing');
		expect(writes[0]).toEqual({ phase: 'writing', done: 0, total });
		expect(writes.at(-1)).toEqual({ phase: 'writing', done: total, total });
		expect(writes.length).toBeGreaterThan(3);
		for (let i = 1; i < writes.length; i++)
			expect(writes[i].done).toBeGreaterThan(writes[i - 1].done);
		expect(await db.users.count()).toBe(world.users.length);
		expect(await db.tokens.count()).toBe(world.tokens.length);
	});

	it('leaves the old world whole when a late chunk fails', async () => {
		const db = await testDb();
		const before = await dumpTables(db);
		const spec = { seed: 'broken', users: 3000 };
		const world = generateWorld(spec);
		// A duplicate serial in the last chunk of tokens: bulkAdd refuses it after earlier chunks were written.
		world.tokens.push({ ...world.tokens[0] });
		await expect(replaceWorld(db, world, spec)).rejects.toThrow();
		expect(await dumpTables(db)).toEqual(before);
	});

	it('resetWorld says it is generating first, and returns a refusal instead of throwing', async () => {
		const db = await testDb();
		const phases: string[] = [];
		const result = await resetWorld(db, { seed: 'p', users: 30 }, (p) => phases.push(p.phase));
		expect(result.ok).toBe(true);
		expect(phases[0]).toBe('generating');
		expect(phases.at(-1)).toBe('writing');
		const bad = await resetWorld(db, { seed: 'p', users: 0 });
		expect(bad.ok).toBe(false);
		expect(await db.users.where('serverId').equals('acme').count()).toBe(30);
	});
});
