/**
 * Provisioning Task Management > Edit: "remove selected users (optionally emailing them that
 * their enrollment was cancelled) or set a new stop date" (thalesdocs.com/sta/operator/
 * provision/prvn_tsks). One command, one audit row; any problem refuses the whole edit.
 */
import { AUDIT } from './audit-actions';
import { formatDateTime } from './format';
import { transition } from './lifecycle';
import { accepted, put, refused, type AuditNote, type Change, type Outcome } from './outcome';
import { STA_SENDER } from './provisioning';
import { randomId } from './random';
import { unassigned } from './tokens';
import type {
	Enrollment,
	Instant,
	Mail,
	ProvisioningTask,
	Token,
	User,
	VirtualServer
} from './types';

export interface EditTaskInput {
	server: VirtualServer;
	task: ProvisioningTask | undefined;
	/** The task's lines (enrollments). */
	lines: Enrollment[];
	/** Enrollment ids of the users to remove. */
	remove: string[];
	/** Email the removed users that their enrollment was cancelled. */
	notify: boolean;
	/** The new stop date, or null to keep it. */
	stopDate: Instant | null;
	/** The tokens and users of the task's lines. */
	tokens: Token[];
	users: User[];
	at: Instant;
}

/** Whether a line can still be removed: the user has not enrolled and was not removed. */
export const removable = (e: Pick<Enrollment, 'status'>) =>
	e.status === 'Active' || e.status === 'Locked';

export function editTask(input: EditTaskInput): Outcome {
	const { server, task, at } = input;
	const note: AuditNote = { action: AUDIT.editTask, target: task ? `Task ${task.number}` : '' };
	if (!task) return refused('No such provisioning task.', note);
	const newStop = input.stopDate !== null && input.stopDate !== task.stopDate;
	if (input.remove.length === 0 && !newStop)
		return refused(
			`Nothing to change in task ${task.number}: select users to remove or a new stop date.`,
			note
		);
	if (newStop && (!Number.isFinite(input.stopDate) || input.stopDate! <= at))
		return refused(`The stop date must be after the current time (${formatDateTime(at)}).`, note);

	const changes: Change[] = [];
	const removed: string[] = [];
	for (const id of input.remove) {
		const line = input.lines.find((e) => e.id === id && e.taskId === task.id);
		const user = line && input.users.find((u) => u.id === line.userId);
		const who = user?.userId ?? line?.email ?? id;
		if (!line) return refused(`${who} is not in task ${task.number}.`, note);
		if (!removable(line))
			return refused(
				`${who} cannot be removed from task ${task.number}: their line is ${line.status === 'Enrolled' ? 'enrolled' : line.status}.`,
				note
			);
		const token = input.tokens.find((t) => t.serial === line.serial);
		const step = token ? transition(token.state, 'removeFromTask', token.serial) : null;
		if (!token || !step?.ok)
			return refused(step && !step.ok ? step.reason : `Token ${line.serial} not found.`, note);
		changes.push(
			put('tokens', unassigned(token, step.to)),
			put('enrollments', { ...line, status: 'Removed' })
		);
		if (input.notify && user) changes.push(put('mail', cancellationMail(server, user, line, at)));
		removed.push(`${who} (token ${line.serial} back to Inventory)`);
	}
	if (newStop) changes.push(put('tasks', { ...task, stopDate: input.stopDate! }));
	const parts = [
		removed.length
			? `Removed ${removed.join(', ')}${input.notify ? '; emailed that their enrollment was cancelled' : ''}`
			: '',
		newStop ? `Stop Date ${formatDateTime(task.stopDate)} → ${formatDateTime(input.stopDate)}` : ''
	].filter(Boolean);
	return accepted(changes, { ...note, detail: parts.join('. ') });
}

/** Sandbox choice: the wording of the email a removed user gets when the operator asks for it. */
export function cancellationMail(
	server: VirtualServer,
	user: User,
	line: Enrollment,
	at: Instant
): Mail {
	return {
		id: randomId(),
		userId: user.id,
		from: STA_SENDER,
		subject: 'SafeNet MobilePASS token enrollment cancelled',
		body:
			`Hello ${user.firstName},\n\n` +
			`${server.name} has cancelled your enrollment of SafeNet MobilePASS token ${line.serial}. ` +
			'The link in your enrollment email no longer works.\n\n' +
			'If you still need a token, contact your help desk.',
		enrollmentCode: null,
		expiresAt: null,
		receivedAt: at,
		read: false
	};
}
