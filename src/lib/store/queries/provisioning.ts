import { taskCompleted } from '$lib/domain/provisioning';
import type { Enrollment, ProvisioningTask, User } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

export const TASKS_PAGE_SIZE = 50;

export interface TaskLine {
	task: ProvisioningTask;
	enrollment: Enrollment;
	user: User | undefined;
	/** Users still in the task (removed users no longer count). */
	count: number;
}

/**
 * One page of the provisioning task lines of a virtual server, newest task first. A task whose
 * users have all enrolled is not listed (its data stays for the reports), nor are removed users.
 */
export async function taskLines(db: SandboxDB, serverId: string, page: number) {
	const [tasks, enrollments] = await Promise.all([
		db.tasks.where('serverId').equals(serverId).toArray(),
		db.enrollments.where('serverId').equals(serverId).toArray()
	]);
	const linesOf = new Map<string, Enrollment[]>();
	for (const e of enrollments) linesOf.set(e.taskId, [...(linesOf.get(e.taskId) ?? []), e]);
	const listed = tasks.filter((t) => !taskCompleted(linesOf.get(t.id) ?? []));
	const byId = new Map(listed.map((t) => [t.id, t]));
	const open = enrollments.filter((e) => e.status !== 'Removed' && byId.has(e.taskId));
	const counts = new Map<string, number>();
	for (const e of open) counts.set(e.taskId, (counts.get(e.taskId) ?? 0) + 1);
	open.sort(
		(a, b) =>
			byId.get(b.taskId)!.number - byId.get(a.taskId)!.number || a.email.localeCompare(b.email)
	);
	const shown = open.slice(page * TASKS_PAGE_SIZE, (page + 1) * TASKS_PAGE_SIZE);
	const users = await db.users.bulkGet(shown.map((e) => e.userId));
	const lines: TaskLine[] = shown.map((enrollment, i) => ({
		task: byId.get(enrollment.taskId)!,
		enrollment,
		user: users[i],
		count: counts.get(enrollment.taskId) ?? 0
	}));
	return { lines, total: open.length, tasks: listed.length, done: tasks.length - listed.length };
}

/** The lines of one task with their users, for the Edit dialog. */
export async function taskEditLines(db: SandboxDB, taskId: string) {
	const lines = await db.enrollments.where('taskId').equals(taskId).toArray();
	const users = await db.users.bulkGet(lines.map((e) => e.userId));
	return lines
		.map((enrollment, i) => ({ enrollment, user: users[i] }))
		.sort((a, b) => a.enrollment.email.localeCompare(b.enrollment.email));
}
