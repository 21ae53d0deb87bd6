import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { provisionCommand } from '$lib/store/provisioning-commands';
import {
	loadUsersWithTokens,
	loadUsersWithTokensFirstRows,
	readDeployment,
	readUsersAndHeldTokens
} from './reports';
import { testDb } from '$lib/store/test-db';

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
