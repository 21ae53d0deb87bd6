import { AUDIT } from './audit-actions';
import { displayUser } from './format';
import { accepted, put, refused, type Outcome } from './outcome';
import { randomId } from './random';
import type { Group, User } from './types';

/** What an operator types to add or edit a user. */
export interface UserInput {
	userId: string;
	firstName: string;
	lastName: string;
	email: string;
	groupIds: string[];
}

// A pragmatic check, not RFC 5322: one @, something before it, a dotted domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// User IDs are what users type at sign-in: letters, digits and . _ - @, up to 64 characters.
const USER_ID = /^[A-Za-z0-9._@-]{1,64}$/;

export function trimUser(input: UserInput): UserInput {
	return {
		userId: input.userId.trim(),
		firstName: input.firstName.trim(),
		lastName: input.lastName.trim(),
		email: input.email.trim(),
		groupIds: [...new Set(input.groupIds)]
	};
}

/**
 * Every problem with a user's fields, in the order of the form. `taken` holds the user IDs
 * already used in the virtual server (lower case: user IDs are matched without case).
 */
export function userProblems(
	input: UserInput,
	taken: ReadonlySet<string>,
	groups: readonly Group[]
): string[] {
	const u = trimUser(input);
	const problems: string[] = [];
	if (!u.userId) problems.push('User ID is required.');
	else if (!USER_ID.test(u.userId))
		problems.push(
			`User ID "${u.userId}" may only contain letters, digits and . _ - @ (at most 64).`
		);
	else if (taken.has(u.userId.toLowerCase()))
		problems.push(`User ID "${u.userId}" is already used in this virtual server.`);
	if (!u.firstName) problems.push('First name is required.');
	if (!u.lastName) problems.push('Last name is required.');
	if (!u.email) problems.push('Email is required.');
	else if (!EMAIL.test(u.email)) problems.push(`Email "${u.email}" is not a valid address.`);
	const known = new Set(groups.map((g) => g.id));
	const unknown = u.groupIds.filter((id) => !known.has(id));
	if (unknown.length) problems.push(`Unknown group: ${unknown.join(', ')}.`);
	return problems;
}

/** Add a user to the virtual server. */
export function addUser(
	serverId: string,
	input: UserInput,
	existing: readonly User[],
	groups: readonly Group[]
): Outcome {
	const u = trimUser(input);
	const note = { action: AUDIT.addUser, target: u.userId || '(no user ID)', user: u.userId };
	const taken = new Set(existing.map((e) => e.userId.toLowerCase()));
	const problems = userProblems(u, taken, groups);
	if (problems.length) return refused(`The user was not added: ${problems.join(' ')}`, note);
	const user: User = { id: randomId(), serverId, ...u };
	return accepted([put('users', user)], { ...note, detail: `Added ${displayUser(user)}` });
}

/** Edit a user's fields; the user ID may change if the new one is free. */
export function editUser(
	user: User | undefined,
	input: UserInput,
	existing: readonly User[],
	groups: readonly Group[]
): Outcome {
	const u = trimUser(input);
	const note = { action: AUDIT.editUser, target: user?.userId ?? u.userId, user: user?.userId };
	if (!user) return refused('The user was not saved: no such user.', note);
	const taken = new Set(
		existing.filter((e) => e.id !== user.id).map((e) => e.userId.toLowerCase())
	);
	const problems = userProblems(u, taken, groups);
	if (problems.length) return refused(`The user was not saved: ${problems.join(' ')}`, note);
	const next: User = { ...user, ...u };
	return accepted([put('users', next)], { ...note, detail: `Saved ${displayUser(next)}` });
}

/** Add a group; names are unique per virtual server, without case. */
export function addGroup(serverId: string, name: string, existing: readonly Group[]): Outcome {
	const n = name.trim();
	const note = { action: AUDIT.addGroup, target: n || '(no name)' };
	if (!n) return refused('The group was not added: Group name is required.', note);
	if (n.length > 64)
		return refused('The group was not added: Group name is longer than 64 characters.', note);
	if (existing.some((g) => g.name.toLowerCase() === n.toLowerCase()))
		return refused(
			`The group was not added: a group named "${n}" already exists in this virtual server.`,
			note
		);
	const group: Group = { id: randomId(), serverId, name: n };
	return accepted([put('groups', group)], { ...note, detail: `Added group ${n}` });
}

/** Users whose name, user ID, email or group name contains the search text (any case). */
export function matchUsers(users: User[], groups: readonly Group[], search: string): User[] {
	const q = search.trim().toLowerCase();
	if (!q) return users;
	const groupHits = new Set(
		groups.filter((g) => g.name.toLowerCase().includes(q)).map((g) => g.id)
	);
	return users.filter(
		(u) =>
			u.userId.toLowerCase().includes(q) ||
			`${u.firstName} ${u.lastName}`.toLowerCase().includes(q) ||
			u.email.toLowerCase().includes(q) ||
			u.groupIds.some((id) => groupHits.has(id))
	);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Assignment's user order: last name, first name, user ID, compared as IndexedDB compares keys
 * (by code unit), so that a page read from the name index and a sorted list agree.
 */
export function byNameOrder(a: User, b: User): number {
	return cmp(a.lastName, b.lastName) || cmp(a.firstName, b.firstName) || cmp(a.userId, b.userId);
}
