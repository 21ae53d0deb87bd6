/**
 * The tables that hold a world, with each table's primary key: the one list the database, world
 * files (export, import, duplicate-key checks), reset, the scenario view and the tests derive from.
 * `satisfies Record<TableName, …>` makes the compiler refuse a table missing here or one extra.
 */
import type { TableName, World } from './types';

export const TABLE_KEYS = {
	servers: 'id',
	groups: 'id',
	users: 'id',
	phones: 'id',
	applications: 'id',
	tokens: 'serial',
	tasks: 'id',
	enrollments: 'id',
	appTokens: 'id',
	mail: 'id',
	pushRequests: 'id',
	audit: 'id'
} as const satisfies Record<TableName, string>;

/** In the order a world is written: servers first, the audit trail last. */
export const WORLD_TABLES = Object.keys(TABLE_KEYS) as TableName[];

/** A world whose every table is empty (the seed fills one; a scenario view fills what it reads). */
export function emptyWorld(): World {
	return Object.fromEntries(WORLD_TABLES.map((t) => [t, []])) as unknown as World;
}
