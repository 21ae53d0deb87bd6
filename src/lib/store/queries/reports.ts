/**
 * What the reports read, per virtual server. Each function reads only through indexes and hands
 * the rows to a pure function in $lib/domain/reports, so the numbers are tested without a database.
 */
import { usersWithTokens } from '$lib/domain/reports/users-with-tokens';
import type { Token, TokenState, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';
import { readInSteps, type Steps } from './steps';
import { tokensOfUsers } from './tokens';

/** States in which a token has a user (Inventory and Lost/Faulty tokens have none). */
export const HELD_STATES: TokenState[] = ['Assigned', 'Active', 'Suspended', 'Locked'];

/** The tables Users – With Tokens reads, as plain reads (the bench compares against this). */
export async function readUsersAndHeldTokens(db: SandboxDB, serverId: string) {
	const [users, tokens] = await Promise.all([
		db.users.where('serverId').equals(serverId).toArray(),
		readHeldTokens(db, serverId)
	]);
	return { users, tokens };
}

/** One equality read per state: IndexedDB's getAll, several times faster than anyOf's cursor. */
async function readHeldTokens(db: SandboxDB, serverId: string) {
	const parts = await Promise.all(
		HELD_STATES.map((s) => db.tokens.where('[serverId+state]').equals([serverId, s]).toArray())
	);
	return parts.flat();
}

/**
 * The first `count` rows in User ID order, read through the [serverId+userId] index alone, so a
 * large report shows its first page at once while the full read runs. IndexedDB orders user IDs
 * by code unit, close enough to the report's order for lower-case IDs; the full result replaces it.
 */
export async function loadUsersWithTokensFirstRows(db: SandboxDB, serverId: string, count: number) {
	return db.transaction('r', db.users, db.tokens, async (tx) => {
		const users: User[] = [];
		const tokens: Token[] = [];
		let after = '';
		// Users in batches of `count`, until their tokens make a page (or a few batches were read):
		// a page of rows, one per token, needs at most `count` holders.
		for (let batch = 0; batch < 8 && tokens.length < count; batch++) {
			const next = await tx.users
				.where('[serverId+userId]')
				.between([serverId, after], [serverId, '\uffff'], batch === 0, true)
				.limit(count)
				.toArray();
			if (next.length === 0) break;
			const held = await tokensOfUsers(
				tx,
				next.map((u) => u.id)
			);
			users.push(...next);
			for (const list of held) tokens.push(...list);
			after = next[next.length - 1].userId;
		}
		return usersWithTokens(users, tokens).rows.slice(0, count);
	});
}

/**
 * Users – With Tokens of one server, read in steps of a few hundred records with a pause
 * between them (see `readInSteps`), so that the ~30,000 records of the Large demo never hold the
 * main thread for long: the users in User ID order from the [serverId+userId] index, the held
 * tokens by user from [serverId+userId+serial]. Users come in (nearly) the report's order, so its
 * rows need next to no sorting.
 */
export async function loadUsersWithTokens(db: SandboxDB, serverId: string, steps: Steps = {}) {
	const [users, tokens] = await Promise.all([
		readInSteps<User>(
			(after) =>
				db.users
					.where('[serverId+userId]')
					.between(after ?? [serverId], [serverId, []], after === null, true),
			(u) => [u.serverId, u.userId],
			steps
		),
		readInSteps<Token>(
			(after) =>
				db.tokens
					.where('[serverId+userId+serial]')
					.between(after ?? [serverId], [serverId, []], after === null, true),
			(t) => [t.serverId, t.userId ?? '', t.serial],
			steps
		)
	]);
	return usersWithTokens(
		users,
		tokens.filter((t) => HELD_STATES.includes(t.state))
	);
}

export function readGroups(db: SandboxDB, serverId: string) {
	return db.groups.where('serverId').equals(serverId).sortBy('name');
}

/** Everything the deployment dashboard draws from; the clock-dependent parts are derived later. */
export async function readDeployment(db: SandboxDB, serverId: string) {
	const [users, tokens, inventory, enrollments, tasks, audit] = await Promise.all([
		db.users.where('serverId').equals(serverId).primaryKeys(),
		readHeldTokens(db, serverId),
		db.tokens.where('[serverId+state]').equals([serverId, 'Inventory']).count(),
		db.enrollments.where('serverId').equals(serverId).toArray(),
		db.tasks.where('serverId').equals(serverId).toArray(),
		readServerAudit(db, serverId)
	]);
	return { userIds: users as string[], tokens, inventory, enrollments, tasks, audit };
}

export function readServerAudit(db: SandboxDB, serverId: string) {
	return db.audit
		.where('[serverId+at]')
		.between([serverId, -Infinity], [serverId, Infinity])
		.toArray();
}

export function readServerTokens(db: SandboxDB, serverId: string) {
	return db.tokens.where('serverId').equals(serverId).toArray();
}

export async function readProvisioning(db: SandboxDB, serverId: string) {
	const [tasks, enrollments] = await Promise.all([
		db.tasks.where('serverId').equals(serverId).toArray(),
		db.enrollments.where('serverId').equals(serverId).toArray()
	]);
	const users = await db.users.bulkGet([...new Set(enrollments.map((e) => e.userId))]);
	return { tasks, enrollments, users: users.filter((u) => u !== undefined) };
}
