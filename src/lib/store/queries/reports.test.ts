import { liveQuery } from '$lib/store/idb/live-query';
import { describe, expect, it } from 'vitest';
import { usersWithTokens } from '$lib/domain/reports/users-with-tokens';
import { generateWorld } from '$lib/domain/seed';
import { provisionCommand } from '$lib/store/provisioning-commands';
import {
	loadUsersWithTokens,
	loadUsersWithTokensFirstRows,
	readDeployment,
	readUsersAndHeldTokens
} from './reports';
import { testDb } from '$lib/store/test-db';
import { Abandoned } from './steps';

describe('report reads', () => {
	it('read every held token of the server and no other', async () => {
		const db = await testDb(generateWorld({ seed: 'store', users: 300 }));
		await provisionCommand(db, 'acme', ['acme-u250', 'acme-u251']);
		const { users, tokens } = await readUsersAndHeldTokens(db, 'acme');
		const all = await db.tokens.toArray();
		expect(tokens.map((t) => t.serial).sort()).toEqual(
			all
				.filter((t) => t.serverId === 'acme' && t.userId)
				.map((t) => t.serial)
				.sort()
		);
		expect(users).toHaveLength(300);
		const report = await loadUsersWithTokens(db, 'acme');
		expect(report.rows).toHaveLength(tokens.length);
		expect(report.rows.filter((r) => r.state === 'Assigned')).toHaveLength(2);
	});

	it('give the same first rows from the index as the full report, on IDs without digits', async () => {
		const db = await testDb();
		const full = (await loadUsersWithTokens(db, 'acme')).rows;
		const first = await loadUsersWithTokensFirstRows(db, 'acme', 5);
		expect(first.map((r) => r.serial)).toEqual(full.slice(0, 5).map((r) => r.serial));
	});

	it('give the first rows of the full report for any page size, across batches of users', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		const full = (await loadUsersWithTokens(db, 'acme')).rows.map((r) => r.serial);
		for (const count of [1, 2, 7, 20, 50])
			expect((await loadUsersWithTokensFirstRows(db, 'acme', count)).map((r) => r.serial)).toEqual(
				full.slice(0, count)
			);
	});

	it('read in steps what the one-shot read of users and held tokens gives, at any step size', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		await provisionCommand(db, 'acme', ['acme-u150', 'acme-u151']);
		const { users, tokens } = await readUsersAndHeldTokens(db, 'acme');
		const oracle = usersWithTokens(users, tokens);
		expect(oracle.rows.length).toBeGreaterThan(20);
		for (const step of [1, 7, 50, 1000])
			expect(await loadUsersWithTokens(db, 'acme', { size: step })).toEqual(oracle);
		expect(await loadUsersWithTokens(db, 'globex', { size: 3 })).toEqual(
			usersWithTokens(
				...(Object.values(await readUsersAndHeldTokens(db, 'globex')) as [never, never])
			)
		);
	});

	it('read in steps stops once its result is no longer wanted', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		let asked = 0;
		const read = loadUsersWithTokens(db, 'acme', { size: 5, wanted: () => ++asked < 3 });
		await expect(read).rejects.toBeInstanceOf(Abandoned);
		expect(asked).toBe(3);
	});

	it('read in steps stays live: a change to a record of a late step runs the report again', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 200 }));
		const results: number[] = [];
		const sub = liveQuery(() => loadUsersWithTokens(db, 'acme', { size: 5 })).subscribe((r) =>
			results.push(r.rows.length)
		);
		await expect.poll(() => results.length).toBe(1);
		// The last held token by user: read in the last step of the tokens, after many pauses.
		const last = await db.tokens
			.where('[serverId+userId+serial]')
			.between(['acme'], ['acme', []])
			.last();
		await db.tokens.update(last!.serial, { userId: null, state: 'Inventory' });
		await expect.poll(() => results.at(-1)).toBe(results[0] - 1);
		sub.unsubscribe();
	});

	it('read what the dashboard draws from, for one server', async () => {
		const db = await testDb();
		await provisionCommand(db, 'acme', ['acme-u20']);
		const d = await readDeployment(db, 'acme');
		expect(d.userIds).toHaveLength(25);
		expect(d.inventory).toBe(39);
		expect(d.enrollments).toHaveLength(1);
		expect(d.tasks).toHaveLength(1);
		expect(d.audit.every((a) => a.serverId === 'acme')).toBe(true);
		expect(d.audit.length).toBeGreaterThan(0);
	});
});
