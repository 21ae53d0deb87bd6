/**
 * The IndexedDB schema, one entry per version. The migration path:
 *  - never edit a version that has shipped; add the next one below it, with only the tables
 *    whose indexes change, and an `upgrade` that rewrites old records into the new shape;
 *  - bump WORLD_FILE_FORMAT in world files when the record shapes change, so that old exports
 *    are upgraded (or refused) on import;
 *  - add a test that builds a database at the previous version and opens it with the new code.
 */
import type { Database } from './idb/database';
import { cleanupEntries } from '$lib/domain/cleanup';
import { upgradeDeviceFields } from '$lib/domain/devices';
import type { Token } from '$lib/domain/types';

export interface SchemaVersion {
	version: number;
	stores: Record<string, string | null>;
	upgrade?: (tx: Database) => Promise<void>;
}

export const SCHEMA: SchemaVersion[] = [
	{
		version: 1,
		stores: {
			servers: 'id',
			groups: 'id, serverId',
			users: 'id, serverId, &[serverId+userId], *groupIds',
			phones: 'id, ownerId',
			applications: 'id, serverId',
			tokens: 'serial, serverId, [serverId+state], userId',
			tasks: 'id, serverId, [serverId+number]',
			enrollments: 'id, taskId, serverId, userId, serial, &code',
			appTokens: 'id, phoneId, serial',
			mail: 'id, userId',
			pushRequests: 'id, userId, serial, status',
			audit: '++id, serverId, [serverId+at]',
			meta: 'key',
			// Guided scenarios: progress per scenario, and the session every window shares.
			scenarioRuns: 'scenarioId',
			training: 'key'
		}
	},
	{
		// Target and Device Type in STA's vocabulary ("iOS", "Mobile"), phones with a form factor.
		version: 2,
		stores: {},
		upgrade: async (tx) => {
			for (const table of ['phones', 'tokens'] as const)
				await tx
					.table<Record<string, unknown>>(table)
					.toCollection()
					.modify((row, ref) => {
						ref.value = upgradeDeviceFields(table, row);
					});
		}
	},
	{
		// Index-paged console pages at the Large demo: Assignment's user list in name order, and
		// the migration clean-up's tokens by app and state. IndexedDB builds both from the rows.
		version: 3,
		stores: {
			users: 'id, serverId, &[serverId+userId], *groupIds, [serverId+lastName+firstName+userId]',
			tokens: 'serial, serverId, [serverId+state], userId, [serverId+app+state]'
		}
	},
	{
		// Provisioning Tasks index-paged: each task's lines counted by status (which tasks are
		// completed, how many lines each lists) and read a page at a time in email order.
		version: 4,
		stores: {
			enrollments: 'id, taskId, serverId, userId, serial, &code, [taskId+status], [taskId+email]'
		}
	},
	{
		// Console pages read in short steps at the Large demo. [serverId+userId+serial]: a server's
		// held tokens by user, paged exactly (Users – With Tokens reads them a chunk at a time);
		// [serverId+app+state+userId+serial]: who holds an Active MobilePASS+ token, from the keys
		// alone (the migration clean-up); [serverId+action]: the Audit filter's action names.
		version: 5,
		stores: {
			tokens:
				'serial, serverId, [serverId+state], userId, [serverId+app+state], [serverId+userId+serial], [serverId+app+state+userId+serial]',
			audit: '++id, serverId, [serverId+at], [serverId+action]'
		}
	},
	{
		// The migration clean-up list kept beside the world (cleanup-list.ts), in serial order per
		// server; it replaces the [serverId+app+state+userId+serial] index the page read before.
		version: 6,
		stores: {
			tokens:
				'serial, serverId, [serverId+state], userId, [serverId+app+state], [serverId+userId+serial]',
			cleanupList: 'serial, serverId, userId'
		},
		upgrade: async (tx) => {
			const tokens = (await tx.table('tokens').toArray()) as Token[];
			await tx.table('cleanupList').bulkAdd(cleanupEntries(tokens));
		}
	}
];

/**
 * The versions the database upgrades through: each one with an upgrade, and the latest, each
 * carrying the stores of every version up to it (an upgrade brings the stores to its version's,
 * then rewrites the records). The versions between need no step of their own. SCHEMA above
 * stays the history.
 */
export function declaredVersions(schema: readonly SchemaVersion[]): SchemaVersion[] {
	const declared: SchemaVersion[] = [];
	let stores: Record<string, string | null> = {};
	schema.forEach((v, i) => {
		stores = { ...stores, ...v.stores };
		if (v.upgrade || i === schema.length - 1)
			declared.push({ version: v.version, stores, upgrade: v.upgrade });
	});
	return declared;
}
