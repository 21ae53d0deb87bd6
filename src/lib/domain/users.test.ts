import { describe, expect, it } from 'vitest';
import { fixture } from './test-fixtures';
import type { Group, User } from './types';
import { addGroup, addUser, editUser, userProblems, type UserInput } from './users';

const groups: Group[] = [{ id: 'g1', serverId: 's', name: 'Sales' }];
// Alice Ng (user ID ang) of the shared fixture, in a virtual server "s".
const existing: User[] = [{ ...fixture().user, id: 'u1', serverId: 's', email: 'ang@example.com' }];
const input = (over: Partial<UserInput> = {}): UserInput => ({
	userId: 'jdoe',
	firstName: 'Jane',
	lastName: 'Doe',
	email: 'jane@example.com',
	groupIds: ['g1'],
	...over
});

describe('users and groups', () => {
	it('adds a valid user with a fresh id in the virtual server', () => {
		const out = addUser('s', input({ userId: ' jdoe ' }), existing, groups);
		expect(out.ok).toBe(true);
		if (out.ok)
			expect(out.changes[0]).toMatchObject({
				table: 'users',
				put: { serverId: 's', userId: 'jdoe', groupIds: ['g1'] }
			});
	});

	it('refuses a user ID already used in the virtual server, whatever its case', () => {
		const out = addUser('s', input({ userId: 'ANG' }), existing, groups);
		expect(out).toMatchObject({ ok: false });
		if (!out.ok) expect(out.reason).toMatch(/User ID "ANG" is already used/);
	});

	it.each([
		[{ email: 'not-an-email' }, /Email "not-an-email" is not a valid address/],
		[{ email: '' }, /Email is required/],
		[{ userId: '' }, /User ID is required/],
		[{ userId: 'a b' }, /may only contain/],
		[{ firstName: ' ' }, /First name is required/],
		[{ groupIds: ['nope'] }, /Unknown group: nope/]
	])('refuses %o', (over, reason) => {
		expect(userProblems(input(over), new Set(), groups).join(' ')).toMatch(reason);
		const out = addUser('s', input(over), existing, groups);
		expect(out.ok).toBe(false);
	});

	it('edits a user, keeping their own user ID free for them but not another', () => {
		const other = { ...existing[0], id: 'u2', userId: 'bob' };
		const all = [...existing, other];
		expect(editUser(existing[0], input({ userId: 'ang' }), all, groups).ok).toBe(true);
		const clash = editUser(existing[0], input({ userId: 'bob' }), all, groups);
		expect(clash.ok).toBe(false);
		expect(editUser(undefined, input(), all, groups).ok).toBe(false);
	});

	it('adds a group with a unique name, refuses a duplicate or an empty name', () => {
		expect(addGroup('s', 'Engineering', groups).ok).toBe(true);
		const dup = addGroup('s', ' sales ', groups);
		expect(dup.ok).toBe(false);
		if (!dup.ok) expect(dup.reason).toMatch(/"sales" already exists/);
		expect(addGroup('s', '  ', groups).ok).toBe(false);
	});
});
