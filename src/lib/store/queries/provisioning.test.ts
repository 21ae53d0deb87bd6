import { describe, expect, it } from 'vitest';
import { taskCompleted } from '$lib/domain/provisioning';
import { generateWorld } from '$lib/domain/seed';
import type { Enrollment, EnrollmentStatus } from '$lib/domain/types';
import { provisionCommand } from '$lib/store/provisioning-commands';
import type { SandboxDB } from '$lib/store/db';
import { testDb } from '$lib/store/test-db';
import { taskLines, TASKS_PAGE_SIZE } from './provisioning';

/** The oracle: every task and line of the server, as the page read them before the indexes. */
async function whole(db: SandboxDB, serverId: string) {
	const tasks = await db.tasks.where('serverId').equals(serverId).toArray();
	const enrollments = await db.enrollments.where('serverId').equals(serverId).toArray();
	const linesOf = (id: string) => enrollments.filter((e) => e.taskId === id);
	const listed = tasks.filter((t) => !taskCompleted(linesOf(t.id)));
	const open = listed
		.sort((a, b) => b.number - a.number)
		.flatMap((t) =>
			linesOf(t.id)
				.filter((e) => e.status !== 'Removed')
				.sort((a, b) => (a.email < b.email ? -1 : 1))
		);
	return { open, tasks: listed.length, done: tasks.length - listed.length };
}

async function setStatus(db: SandboxDB, lines: Enrollment[], status: EnrollmentStatus) {
	await db.enrollments.bulkPut(lines.map((e) => ({ ...e, status })));
}

describe('Provisioning Tasks, index-paged', () => {
	it('lists the pages the whole-server read lists, newest task first, completed tasks left out', async () => {
		const db = await testDb(generateWorld({ seed: 'x', users: 400 }));
		const ids = (await db.users.where('serverId').equals('acme').primaryKeys()) as string[];
		// Five tasks: 70 users, 40, 12, 8 and 30.
		const sizes = [70, 40, 12, 8, 30];
		let at = 0;
		for (const n of sizes) {
			const r = await provisionCommand(db, 'acme', ids.slice(at, at + n));
			expect(r.ok, r.ok ? '' : r.reason).toBe(true);
			at += n;
		}
		const tasks = await db.tasks.where('serverId').equals('acme').sortBy('number');
		const lines = (i: number) => db.enrollments.where('taskId').equals(tasks[i].id).toArray();
		// Task 2: everyone enrolled or completed (not listed); task 3: all removed (listed, no
		// lines); task 1: some removed, some enrolled, some locked; task 4: everyone completed
		// but one removed (not listed).
		const t2 = await lines(2);
		await setStatus(db, t2.slice(0, 6), 'Enrolled');
		await setStatus(db, t2.slice(6), 'Completed');
		await setStatus(db, await lines(3), 'Removed');
		const t1 = await lines(1);
		await setStatus(db, t1.slice(0, 5), 'Removed');
		await setStatus(db, t1.slice(5, 15), 'Enrolled');
		await setStatus(db, t1.slice(15, 17), 'Locked');
		const t4 = await lines(4);
		await setStatus(db, t4.slice(0, 1), 'Removed');
		await setStatus(db, t4.slice(1), 'Completed');

		const oracle = await whole(db, 'acme');
		expect(oracle.open).toHaveLength(70 + 35);
		for (let page = 0; page * TASKS_PAGE_SIZE < oracle.open.length + TASKS_PAGE_SIZE; page++) {
			const got = await taskLines(db, 'acme', page);
			expect(got.total).toBe(oracle.open.length);
			expect(got.tasks).toBe(oracle.tasks);
			expect(got.done).toBe(oracle.done);
			const want = oracle.open.slice(page * TASKS_PAGE_SIZE, (page + 1) * TASKS_PAGE_SIZE);
			expect(got.lines.map((l) => l.enrollment.id)).toEqual(want.map((e) => e.id));
			for (const l of got.lines) {
				expect(l.user?.id).toBe(l.enrollment.userId);
				expect(l.task.id).toBe(l.enrollment.taskId);
				expect(l.count).toBe(l.task.id === tasks[1].id ? 35 : 70);
			}
		}
		expect(oracle.done).toBe(2);
		expect((await taskLines(db, 'globex', 0)).total).toBe(0);
	});
});
