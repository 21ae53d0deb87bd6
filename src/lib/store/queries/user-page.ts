import { enrollmentStatus, statusLabel } from '$lib/domain/provisioning';
import type { Enrollment, Instant, ProvisioningTask } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

/** Everything the user page shows: the user, their groups, tokens and provisioning lines. */
export async function userPage(db: SandboxDB, serverId: string, id: string) {
	const user = await db.users.get(id);
	if (!user || user.serverId !== serverId) return undefined;
	const [groups, tokens, enrollments] = await Promise.all([
		db.groups.where('serverId').equals(serverId).toArray(),
		db.tokens.where('userId').equals(id).toArray(),
		db.enrollments.where('userId').equals(id).toArray()
	]);
	const tasks = new Map(
		(await db.tasks.bulkGet([...new Set(enrollments.map((e) => e.taskId))])).flatMap((t) =>
			t ? [[t.id, t]] : []
		)
	);
	const lines = enrollments
		.filter((e) => e.status !== 'Removed')
		.map((e): ProvisioningLine => ({ enrollment: e, task: tasks.get(e.taskId) }))
		.sort((a, b) => (b.task?.startDate ?? 0) - (a.task?.startDate ?? 0));
	return { user, groups, tokens, lines };
}

export interface ProvisioningLine {
	enrollment: Enrollment;
	task: ProvisioningTask | undefined;
}

/** Active / Completed / Locked / Expired, in the console's words (Expired follows the clock). */
export function lineStatus(line: ProvisioningLine, at: Instant) {
	return statusLabel(
		line.task ? enrollmentStatus(line.enrollment, line.task, at) : line.enrollment.status
	);
}
