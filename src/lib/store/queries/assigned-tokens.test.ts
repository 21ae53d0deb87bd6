import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { testDb } from '$lib/store/test-db';
import { ASSIGNED_PAGE_SIZE, assignedTokensPage } from './assigned-tokens';

describe('Assignment > Tokens, index-paged', () => {
	it('pages through every assigned token by user ID then serial, as the whole read lists them', async () => {
		const db = await testDb(generateWorld({ seed: 'assigned', users: 300 }));
		// The oracle: every token of the server with its user, sorted in memory.
		const [tokens, users] = await Promise.all([
			db.tokens.where('serverId').equals('acme').toArray(),
			db.users.where('serverId').equals('acme').toArray()
		]);
		const byId = new Map(users.map((u) => [u.id, u]));
		const key = (userId: string, serial: string) => `${userId}\u0000${serial}`;
		const expected = tokens
			.filter((t) => t.userId && byId.has(t.userId))
			.map((t) => key(byId.get(t.userId!)!.userId, t.serial))
			.sort();
		expect(expected.length).toBeGreaterThan(3 * ASSIGNED_PAGE_SIZE);
		const seen: string[] = [];
		for (let page = 0; page * ASSIGNED_PAGE_SIZE < expected.length + 1; page++) {
			const got = await assignedTokensPage(db, 'acme', '', page);
			expect(got.matching).toBe(expected.length);
			for (const r of got.rows) {
				expect(r.token.userId).toBe(r.user.id);
				seen.push(key(r.user.userId, r.token.serial));
			}
		}
		expect(seen).toEqual(expected);

		// A search reads the whole list and keeps the same order.
		const hit = users[3].userId;
		const found = await assignedTokensPage(db, 'acme', hit.toUpperCase(), 0);
		expect(found.rows.length).toBeGreaterThan(0);
		for (const r of found.rows) expect(r.user.userId.toLowerCase()).toContain(hit.toLowerCase());
	});
});
