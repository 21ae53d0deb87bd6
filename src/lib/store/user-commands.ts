/**
 * User commands: add and edit users, add groups, import users from a file. Each reads what its
 * rule needs inside the transaction.
 */
import { importUsers } from '$lib/domain/user-import';
import { addGroup, addUser, editUser, type UserInput } from '$lib/domain/users';
import type { SandboxDB } from './db';
import { execute } from './execute';

const serverUsers = (db: SandboxDB, serverId: string) =>
	db.users.where('serverId').equals(serverId).toArray();
const serverGroups = (db: SandboxDB, serverId: string) =>
	db.groups.where('serverId').equals(serverId).toArray();

export async function addUserCommand(db: SandboxDB, serverId: string, input: UserInput) {
	return execute(db, serverId, async (tx) =>
		addUser(serverId, input, await serverUsers(tx, serverId), await serverGroups(tx, serverId))
	);
}

export async function editUserCommand(
	db: SandboxDB,
	serverId: string,
	id: string,
	input: UserInput
) {
	return execute(db, serverId, async (tx) => {
		const user = await tx.users.get(id);
		return editUser(
			user?.serverId === serverId ? user : undefined,
			input,
			await serverUsers(tx, serverId),
			await serverGroups(tx, serverId)
		);
	});
}

export async function addGroupCommand(db: SandboxDB, serverId: string, name: string) {
	return execute(db, serverId, async (tx) =>
		addGroup(serverId, name, await serverGroups(tx, serverId))
	);
}

export async function importUsersCommand(
	db: SandboxDB,
	serverId: string,
	fileName: string,
	text: string
) {
	return execute(db, serverId, async (tx) =>
		importUsers(
			serverId,
			fileName,
			text,
			await serverUsers(tx, serverId),
			await serverGroups(tx, serverId)
		)
	);
}
