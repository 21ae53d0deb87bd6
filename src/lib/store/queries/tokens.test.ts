import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { testDb } from '$lib/store/test-db';
import { tokensOfUsers } from './tokens';

describe('tokensOfUsers', () => {
	it("gives each user's tokens in serial order, in the order asked, and none for an unknown user", async () => {
		const db = await testDb(generateWorld({ seed: 'holders', users: 60 }));
		const users = (await db.users.where('serverId').equals('acme').primaryKeys()) as string[];
		const asked = [...users.slice(0, 30).reverse(), 'nobody'];
		const held = await tokensOfUsers(db, asked);
		expect(held).toHaveLength(asked.length);
		expect(held.at(-1)).toEqual([]);
		// The oracle: one scan of the server's tokens.
		const all = await db.tokens.where('serverId').equals('acme').toArray();
		asked.forEach((id, i) => {
			const expected = all
				.filter((t) => t.userId === id)
				.map((t) => t.serial)
				.sort();
			expect(held[i].map((t) => t.serial)).toEqual(expected);
		});
		expect(held.flat().length).toBeGreaterThan(0);
	});
});
