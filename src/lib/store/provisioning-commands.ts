/**
 * Provisioning commands: provision users, and the operator's changes to a provisioning task.
 * Each gathers what its domain rule needs inside one transaction (see execute), so the UI never
 * writes a table itself.
 */
import { AUDIT } from '$lib/domain/audit-actions';
import { refused } from '$lib/domain/outcome';
import { provision } from '$lib/domain/provisioning';
import { changeStopDate, editTask, removeFromTask, resendEmail } from '$lib/domain/task-edit';
import type { Instant } from '$lib/domain/types';
import type { SandboxDB } from './db';
import { execute } from './execute';

/** Provision a MobilePASS token to each user; `serial` picks the Inventory token (one user). */
export async function provisionCommand(
	db: SandboxDB,
	serverId: string,
	userIds: string[],
	options: { serial?: string } = {}
) {
	return execute(db, serverId, async (tx, at, server) => {
		const users = (await tx.users.bulkGet(userIds)).filter((u) => u?.serverId === serverId);
		if (users.length !== userIds.length)
			return refused('Some selected users do not exist in this virtual server.', {
				action: AUDIT.provision,
				target: `${userIds.length} user(s)`
			});
		// The index lists equal keys in primary-key order, so these are the lowest serials.
		const inventory = await tx.tokens
			.where('[serverId+state]')
			.equals([serverId, 'Inventory'])
			.limit(userIds.length)
			.toArray();
		const chosen = options.serial
			? { serial: options.serial, token: await tx.tokens.get(options.serial) }
			: undefined;
		const openEnrollments = await tx.enrollments
			.where('userId')
			.anyOf(userIds)
			.filter((e) => e.status === 'Active')
			.toArray();
		// An open line past its stop date is Expired: the rule provisions such users again.
		const openTasks = (await tx.tasks.bulkGet(openEnrollments.map((e) => e.taskId))).flatMap((t) =>
			t ? [t] : []
		);
		const openTokens = (await tx.tokens.bulkGet(openEnrollments.map((e) => e.serial))).flatMap(
			(t) => (t ? [t] : [])
		);
		const last = await tx.tasks
			.where('[serverId+number]')
			.between([serverId, -Infinity], [serverId, Infinity])
			.last();
		return provision({
			server,
			users: users as NonNullable<(typeof users)[number]>[],
			inventory,
			openEnrollments,
			openTasks,
			openTokens,
			lastTaskNumber: last?.number ?? 0,
			at,
			chosen
		});
	});
}

async function enrollmentContext(db: SandboxDB, enrollmentId: string) {
	const enrollment = await db.enrollments.get(enrollmentId);
	const token = enrollment ? await db.tokens.get(enrollment.serial) : undefined;
	const user = enrollment ? await db.users.get(enrollment.userId) : undefined;
	const task = enrollment ? await db.tasks.get(enrollment.taskId) : undefined;
	return { enrollment, token, user, task };
}

export async function removeFromTaskCommand(db: SandboxDB, serverId: string, enrollmentId: string) {
	return execute(db, serverId, async (tx) => {
		const { enrollment, token, user } = await enrollmentContext(tx, enrollmentId);
		return removeFromTask(enrollment, token, user);
	});
}

export async function resendEmailCommand(db: SandboxDB, serverId: string, enrollmentId: string) {
	return execute(db, serverId, async (tx, at, server) => {
		const { enrollment, task, user } = await enrollmentContext(tx, enrollmentId);
		return resendEmail(server, enrollment, task, user, at);
	});
}

export async function changeStopDateCommand(
	db: SandboxDB,
	serverId: string,
	taskId: string,
	stopDate: Instant
) {
	return execute(db, serverId, async (tx, at) =>
		changeStopDate(await tx.tasks.get(taskId), stopDate, at)
	);
}

/** Provisioning Task Management > Edit: remove selected users and/or set a new stop date. */
export async function editTaskCommand(
	db: SandboxDB,
	serverId: string,
	taskId: string,
	edit: { remove: string[]; notify: boolean; stopDate: Instant | null }
) {
	return execute(db, serverId, async (tx, at, server) => {
		const task = await tx.tasks.get(taskId);
		const lines = await tx.enrollments.where('taskId').equals(taskId).toArray();
		const [tokens, users] = await Promise.all([
			tx.tokens.bulkGet(lines.map((e) => e.serial)),
			tx.users.bulkGet(lines.map((e) => e.userId))
		]);
		return editTask({
			server,
			task: task?.serverId === serverId ? task : undefined,
			lines,
			...edit,
			tokens: tokens.flatMap((t) => (t ? [t] : [])),
			users: users.flatMap((u) => (u ? [u] : [])),
			at
		});
	});
}
