import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { byNameOrder, matchUsers } from '$lib/domain/users';
import { testDb } from '$lib/store/test-db';
import { renderText } from '$lib/scenarios/engine';
import { matchingUserIds, userSearchPage, USERS_PAGE_SIZE, usersAndGroupsNamedIn } from './users';

/** The Assignment search as a whole-server read would compute it: the oracle for the index. */
async function wholeServer(db: Awaited<ReturnType<typeof testDb>>, search: string, groupId = '') {
	const users = await db.users.where('serverId').equals('acme').toArray();
	const groups = await db.groups.where('serverId').equals('acme').toArray();
	return matchUsers(users, groups, search)
		.filter((u) => !groupId || u.groupIds.includes(groupId))
		.sort(byNameOrder)
		.map((u) => u.id);
}

describe('Assignment user search, index-paged', () => {
	it('pages through every user in name order, as the whole-server read orders them', async () => {
		const db = await testDb(generateWorld({ seed: 'paging', users: 120 }));
		const expected = await wholeServer(db, '');
		const seen: string[] = [];
		for (let page = 0; page * USERS_PAGE_SIZE < expected.length; page++) {
			const result = await userSearchPage(db, 'acme', '', '', page);
			expect(result.total).toBe(expected.length);
			seen.push(...result.rows.map((r) => r.user.id));
		}
		expect(seen).toEqual(expected);
		expect(await matchingUserIds(db, 'acme', '', '')).toHaveLength(expected.length);
	});

	it('a search or a group gives the same users as the whole-server read, page by page', async () => {
		const db = await testDb(generateWorld({ seed: 'paging', users: 120 }));
		const group = (await db.groups.where('serverId').equals('acme').first())!;
		const user = (await db.users.where('serverId').equals('acme').first())!;
		for (const [search, groupId] of [
			[user.lastName.slice(1, 4).toUpperCase(), ''],
			[user.email, ''],
			[group.name.toLowerCase(), ''],
			['', group.id],
			[user.firstName.slice(0, 2), group.id]
		]) {
			const expected = await wholeServer(db, search, groupId);
			const first = await userSearchPage(db, 'acme', search, groupId, 0);
			expect(first.total).toBe(expected.length);
			expect(first.rows.map((r) => r.user.id)).toEqual(expected.slice(0, USERS_PAGE_SIZE));
			expect(await matchingUserIds(db, 'acme', search, groupId)).toEqual(expected);
		}
	});

	it('a row carries its tokens and names its groups; another server is never listed', async () => {
		const db = await testDb();
		const { rows } = await userSearchPage(db, 'acme', '', '', 0);
		expect(rows.every((r) => r.user.serverId === 'acme')).toBe(true);
		const withToken = rows.find((r) => r.tokens.length > 0)!;
		expect(withToken.tokens.every((t) => t.userId === withToken.user.id)).toBe(true);
		const grouped = rows.find((r) => r.user.groupIds.length > 0)!;
		expect(grouped.groups.length).toBe(grouped.user.groupIds.length);
	});
});

describe('usersAndGroupsNamedIn', () => {
	it('reads only the users and groups a text names, and renders it as the whole world would', async () => {
		const db = await testDb(generateWorld({ seed: 'names', users: 120 }));
		const [users, groups] = await Promise.all([db.users.toArray(), db.groups.toArray()]);
		const text = `Provision {user:${users[7].id}} and {user:${users[90].id}} of {group:${groups[1].id}}; {user:nobody} stays.`;
		const named = await usersAndGroupsNamedIn(db, [text, `again {user:${users[7].id}}`]);
		expect(named.users.map((u) => u.id)).toEqual([users[7].id, users[90].id]);
		expect(named.groups.map((g) => g.id)).toEqual([groups[1].id]);
		expect(renderText(text, named)).toBe(renderText(text, { users, groups }));
		expect(renderText(text, named)).toContain(`(${users[90].userId})`);
		expect(await usersAndGroupsNamedIn(db, ['no names'])).toEqual({ users: [], groups: [] });
	});
});
