/**
 * The operator's changes to an existing provisioning task: Remove a user, Resend the email, move
 * the stop date, and Provisioning Task Management > Edit: "remove selected users (optionally emailing them that
 * their enrollment was cancelled) or set a new stop date" (thalesdocs.com/sta/operator/
 * provision/prvn_tsks). One command, one audit row; any problem refuses the whole edit.
 */
import { AUDIT } from './audit-actions';
import { cancellationMail, enrollmentMail } from './enrollment-mail';
import { formatDateTime } from './format';
import { transition } from './lifecycle';
import { accepted, put, refused, type AuditNote, type Change, type Outcome } from './outcome';
import { enrollmentStatus, hasEnrolled } from './provisioning';
import { unassigned } from './tokens';
import type { Enrollment, Instant, ProvisioningTask, Token, User, VirtualServer } from './types';

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

/** Why a new stop date cannot be set, or null when it can: it must lie after the current time. */
export function stopDateProblem(stopDate: Instant, at: Instant): string | null {
	return Number.isFinite(stopDate) && stopDate > at
		? null
		: `The stop date must be after the current time (${formatDateTime(at)}).`;
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
	const badStop = newStop && stopDateProblem(input.stopDate!, at);
	if (badStop) return refused(badStop, note);

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

/** The audit note of an action on one line of a task: it names the line's token and user. */
function lineNote(
	action: AuditNote['action'],
	target: string,
	enrollment: Enrollment | undefined,
	user: User | undefined
): AuditNote {
	return { action, target, serial: enrollment?.serial, user: user?.userId };
}

/** The operator removes a user from a task: the token returns to Inventory, the link dies. */
export function removeFromTask(
	enrollment: Enrollment | undefined,
	token: Token | undefined,
	user: User | undefined
): Outcome {
	const note = lineNote(AUDIT.removeFromTask, enrollment?.serial ?? '', enrollment, user);
	if (!enrollment || !token) return refused('No such provisioning task entry.', note);
	if (!removable(enrollment))
		return refused(
			`The user cannot be removed: their enrollment is already ${enrollment.status}.`,
			note
		);
	const step = transition(token.state, 'removeFromTask', token.serial);
	if (!step.ok) return refused(step.reason, note);
	return accepted(
		[
			put('tokens', unassigned(token, step.to)),
			put('enrollments', { ...enrollment, status: 'Removed' })
		],
		{
			...note,
			detail: `Token ${token.serial} returned to Inventory; the enrollment link no longer works`
		}
	);
}

/** Send the enrollment email again, while the link is still valid. */
export function resendEmail(
	server: VirtualServer,
	enrollment: Enrollment | undefined,
	task: ProvisioningTask | undefined,
	user: User | undefined,
	at: Instant
): Outcome {
	const note = lineNote(AUDIT.resendEmail, user?.email ?? '', enrollment, user);
	if (!enrollment || !task || !user) return refused('No such provisioning task entry.', note);
	const status = enrollmentStatus(enrollment, task, at);
	if (status !== 'Active')
		return refused(
			status === 'Expired'
				? `The enrollment link expired on ${formatDateTime(task.stopDate)}. Provision ${user.userId} again, or set a new stop date for the task (Edit) first.`
				: `There is nothing to resend: ${user.userId} ${hasEnrolled(status) ? 'has already enrolled' : `is ${status}`}.`,
			note
		);
	return accepted([put('mail', enrollmentMail(server, user, enrollment, task, at))], {
		...note,
		detail: `Enrollment email for token ${enrollment.serial} sent again to ${user.email}`
	});
}

/** Move a task's stop date; a date in the past is refused. */
export function changeStopDate(
	task: ProvisioningTask | undefined,
	stopDate: Instant,
	at: Instant
): Outcome {
	const note: AuditNote = {
		action: AUDIT.changeStopDate,
		target: task ? `Task ${task.number}` : ''
	};
	if (!task) return refused('No such provisioning task.', note);
	const why = stopDateProblem(stopDate, at);
	if (why) return refused(why, note);
	return accepted([put('tasks', { ...task, stopDate })], {
		...note,
		detail: `${formatDateTime(task.stopDate)} → ${formatDateTime(stopDate)}`
	});
}
