/**
 * The operator console's commands beyond token actions and provisioning: users, groups, user
 * import, and the migration clean-up. Each reads what its rule needs inside the transaction.
 */
import { revokeMigratedMobilePass8 } from '$lib/domain/cleanup';
import { importUsers } from '$lib/domain/user-import';
import { addGroup, addUser, editUser, type UserInput } from '$lib/domain/users';
import type { SandboxDB } from './db';
import { execute } from './execute';
import { cleanupCandidates } from './queries/cleanup';

const serverUsers = (db: SandboxDB, serverId: string) =>
	db.users.where('serverId').equals(serverId).toArray();
const serverGroups = (db: SandboxDB, serverId: string) =>
	db.groups.where('serverId').equals(serverId).toArray();

export async function addUserCommand(db: SandboxDB, serverId: string, input: UserInput) {
	return execute(db, serverId, async () =>
		addUser(serverId, input, await serverUsers(db, serverId), await serverGroups(db, serverId))
	);
}

export async function editUserCommand(
	db: SandboxDB,
	serverId: string,
	id: string,
	input: UserInput
) {
	return execute(db, serverId, async () => {
		const user = await db.users.get(id);
		return editUser(
			user?.serverId === serverId ? user : undefined,
			input,
			await serverUsers(db, serverId),
			await serverGroups(db, serverId)
		);
	});
}

export async function addGroupCommand(db: SandboxDB, serverId: string, name: string) {
	return execute(db, serverId, async () =>
		addGroup(serverId, name, await serverGroups(db, serverId))
	);
}

export async function importUsersCommand(
	db: SandboxDB,
	serverId: string,
	fileName: string,
	text: string
) {
	return execute(db, serverId, async () =>
		importUsers(
			serverId,
			fileName,
			text,
			await serverUsers(db, serverId),
			await serverGroups(db, serverId)
		)
	);
}

/** Revoke (return to inventory) the confirmed MobilePASS 8 tokens of migrated users, at once. */
export async function revokeMigratedCommand(db: SandboxDB, serverId: string, serials: string[]) {
	return execute(db, serverId, async () => {
		const { tokens, users } = await cleanupCandidates(db, serverId);
		return revokeMigratedMobilePass8(serials, tokens, users);
	});
}
