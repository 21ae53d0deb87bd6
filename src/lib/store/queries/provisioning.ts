import type { Enrollment, EnrollmentStatus, ProvisioningTask, User } from '$lib/domain/types';
import { maxKey, minKey } from '$lib/store/idb/table';
import type { SandboxDB } from '$lib/store/db';

export const TASKS_PAGE_SIZE = 50;

export interface TaskLine {
	task: ProvisioningTask;
	enrollment: Enrollment;
	user: User | undefined;
	/** Users still in the task (removed users no longer count). */
	count: number;
}

/** Stored statuses of a line still to enroll, and of one that has enrolled (`hasEnrolled`). */
const TO_ENROLL: EnrollmentStatus[] = ['Active', 'Locked', 'Expired'];
const ENROLLED: EnrollmentStatus[] = ['Enrolled', 'Completed'];

/** How many lines of a task are in any of `statuses`: index counts, no record is read. */
async function countLines(db: SandboxDB, taskId: string, statuses: EnrollmentStatus[]) {
	const counts = await Promise.all(
		statuses.map((s) => db.enrollments.where('[taskId+status]').equals([taskId, s]).count())
	);
	return counts.reduce((a, b) => a + b, 0);
}

/** `count` lines of a task in email order, removed users left out, after skipping `skip`. */
async function linesOfTask(db: SandboxDB, taskId: string, skip: number, count: number) {
	const lines: Enrollment[] = [];
	let seen = 0;
	await db.enrollments
		.where('[taskId+email]')
		.between([taskId, minKey], [taskId, maxKey])
		.until(() => lines.length >= count)
		.each((e) => {
			if (e.status !== 'Removed' && seen++ >= skip) lines.push(e);
		});
	return lines;
}

/**
 * One page of the provisioning task lines of a virtual server, newest task first, each task's
 * lines in email order. A task whose users have all enrolled is not listed (its data stays for
 * the reports; `taskCompleted` in the domain says the same), nor are removed users. Reads the
 * server's tasks, index counts per task, and only the lines of the page: the first rows come
 * at once however many users were provisioned.
 */
export async function taskLines(db: SandboxDB, serverId: string, page: number) {
	return db.transaction('r', db.tasks, db.enrollments, db.users, async (tx) => {
		const tasks = await tx.tasks
			.where('[serverId+number]')
			.between([serverId, minKey], [serverId, maxKey])
			.reverse()
			.toArray();
		const counted = await Promise.all(
			tasks.map(async (task) => {
				const [toEnroll, enrolled] = await Promise.all([
					countLines(tx, task.id, TO_ENROLL),
					countLines(tx, task.id, ENROLLED)
				]);
				// Completed: every kept line enrolled (a task whose users were all removed stays).
				return { task, count: toEnroll + enrolled, completed: toEnroll === 0 && enrolled > 0 };
			})
		);
		const listed = counted.filter((t) => !t.completed);
		const lines: TaskLine[] = [];
		let skip = page * TASKS_PAGE_SIZE;
		for (const { task, count } of listed) {
			if (lines.length >= TASKS_PAGE_SIZE) break;
			if (skip >= count) {
				skip -= count;
				continue;
			}
			const part = await linesOfTask(tx, task.id, skip, TASKS_PAGE_SIZE - lines.length);
			skip = 0;
			for (const enrollment of part) lines.push({ task, enrollment, user: undefined, count });
		}
		const users = await tx.users.bulkGet(lines.map((l) => l.enrollment.userId));
		lines.forEach((l, i) => (l.user = users[i]));
		return {
			lines,
			total: listed.reduce((n, t) => n + t.count, 0),
			tasks: listed.length,
			done: tasks.length - listed.length
		};
	});
}

/** The lines of one task with their users, for the Edit dialog. */
export async function taskEditLines(db: SandboxDB, taskId: string) {
	const lines = await db.enrollments.where('taskId').equals(taskId).toArray();
	const users = await db.users.bulkGet(lines.map((e) => e.userId));
	return lines
		.map((enrollment, i) => ({ enrollment, user: users[i] }))
		.sort((a, b) => a.enrollment.email.localeCompare(b.enrollment.email));
}
