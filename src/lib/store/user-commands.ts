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
