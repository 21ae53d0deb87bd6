import { enrollmentStatus, type EnrollmentView } from '../provisioning';
import type { Enrollment, Instant, ProvisioningTask, User } from '../types';

export const ENROLLMENT_VIEWS: EnrollmentView[] = [
	'Active',
	'Enrolled',
	'Completed',
	'Locked',
	'Expired',
	'Removed'
];

export interface TaskStatus {
	task: ProvisioningTask;
	count: number;
	byStatus: Record<EnrollmentView, number>;
	lines: TaskLine[];
}

export interface TaskLine {
	enrollmentId: string;
	userId: string;
	name: string;
	email: string;
	serial: string;
	status: EnrollmentView;
}

/** Every task of a virtual server, newest first, with each user's status at `at`. */
export function provisioningStatus(
	tasks: ProvisioningTask[],
	enrollments: Enrollment[],
	users: Pick<User, 'id' | 'userId' | 'firstName' | 'lastName'>[],
	at: Instant
): TaskStatus[] {
	const byUser = new Map(users.map((u) => [u.id, u]));
	const byTask = new Map<string, Enrollment[]>();
	for (const e of enrollments) {
		const list = byTask.get(e.taskId);
		if (list) list.push(e);
		else byTask.set(e.taskId, [e]);
	}
	return [...tasks]
		.sort((a, b) => b.number - a.number)
		.map((task) => {
			const byStatus = Object.fromEntries(ENROLLMENT_VIEWS.map((s) => [s, 0])) as Record<
				EnrollmentView,
				number
			>;
			const lines = (byTask.get(task.id) ?? []).map((e) => {
				const status = enrollmentStatus(e, task, at);
				byStatus[status]++;
				const u = byUser.get(e.userId);
				return {
					enrollmentId: e.id,
					userId: u?.userId ?? '',
					name: u ? `${u.firstName} ${u.lastName}` : '',
					email: e.email,
					serial: e.serial,
					status
				};
			});
			lines.sort((a, b) => a.userId.localeCompare(b.userId));
			return { task, count: lines.length, byStatus, lines };
		});
}
