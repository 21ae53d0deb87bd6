import { AUDIT } from './audit-actions';
import { DAY } from './clock';
import { enrollmentMail } from './enrollment-mail';
import { displayUser } from './format';
import { transition } from './lifecycle';
import { accepted, put, refused, type AuditNote, type Change, type Outcome } from './outcome';
import { newSecret } from './secret';
import { randomDigits, randomId } from './random';
import { unassigned } from './tokens';
import type { Enrollment, Instant, ProvisioningTask, Token, User, VirtualServer } from './types';

/** The per-user status a provisioning task shows; Expired follows the simulated clock. */
export type EnrollmentView = Enrollment['status'];

export function enrollmentStatus(
	e: Enrollment,
	task: Pick<ProvisioningTask, 'stopDate'>,
	at: Instant
): EnrollmentView {
	return e.status === 'Active' && at > task.stopDate ? 'Expired' : e.status;
}

/**
 * The Status column in the console's words: Active, Completed, Locked, Expired. A user who
 * enrolled but has not signed in yet is still Active: Completed means "enrolled their token and
 * used it to authenticate at least one time" (thalesdocs.com/sta/operator/provision/prvn_tsks).
 */
export function statusLabel(view: EnrollmentView): string {
	return view === 'Enrolled' ? 'Active' : view;
}

/** Whether the user has enrolled the token (so the line shows its serial number). */
export const hasEnrolled = (view: EnrollmentView) => view === 'Enrolled' || view === 'Completed';

/**
 * "A provisioning task which has been completed (all tokens have been enrolled) is not displayed
 * in this list. Its data is maintained for reporting purposes only." Removed users do not count;
 * a task whose users were all removed stays listed (nothing was enrolled).
 */
export function taskCompleted(lines: Pick<Enrollment, 'status'>[]): boolean {
	const kept = lines.filter((e) => e.status !== 'Removed');
	return kept.length > 0 && kept.every((e) => hasEnrolled(e.status));
}

/**
 * The first successful sign-in with a token completes its provisioning-task line (Enrolled →
 * Completed). Called by both sign-in paths: a typed passcode and an approved push.
 */
export function completedBySignIn(enrollments: Enrollment[], serial: string): Change[] {
	return enrollments
		.filter((e) => e.serial === serial && e.status === 'Enrolled')
		.map((e) => put('enrollments', { ...e, status: 'Completed' as const }));
}

export interface ProvisionInput {
	server: VirtualServer;
	users: User[];
	/** The server's Inventory tokens, in the order they should be handed out. */
	inventory: Token[];
	/** Users' enrollments that are still open (stored Active), to refuse a second pending one. */
	openEnrollments: Enrollment[];
	/**
	 * The tasks and tokens of those enrollments. With them, a line past its stop date is Expired:
	 * the user may be provisioned again at once (the line stays Expired, its token returns to
	 * Inventory). Without them every open line counts as waiting.
	 */
	openTasks?: Pick<ProvisioningTask, 'id' | 'stopDate'>[];
	openTokens?: Token[];
	/** Highest task number so far in this virtual server. */
	lastTaskNumber: number;
	at: Instant;
	/**
	 * The serial the operator picked (single user only), and that token as stored (undefined if
	 * no such serial). Without it, users get the Inventory tokens in order.
	 */
	chosen?: { serial: string; token: Token | undefined };
}

/** Provision a MobilePASS token to each user: one task, one token and one email per user. */
export function provision(input: ProvisionInput): Outcome {
	const { server, users, inventory } = input;
	const note: AuditNote = { action: AUDIT.provision, target: `${users.length} user(s)` };
	if (users.length === 0) return refused('Select at least one user to provision.', note);
	const stopDates = new Map((input.openTasks ?? []).map((t) => [t.id, t.stopDate]));
	const isExpired = (e: Enrollment) => input.at > (stopDates.get(e.taskId) ?? Infinity);
	const waiting = new Set(input.openEnrollments.filter((e) => !isExpired(e)).map((e) => e.userId));
	const pending = users.filter((u) => waiting.has(u.id));
	if (pending.length > 0)
		return refused(
			`Already waiting to enroll: ${pending.map((u) => u.userId).join(', ')}. ` +
				'Resend their enrollment email, or remove them from their provisioning task first.',
			note
		);
	const expired = expireLines(input, input.openEnrollments.filter(isExpired));
	if (input.chosen) {
		const why = chosenTokenProblem(input.chosen, server, users.length);
		if (why) return refused(why, { ...note, target: input.chosen.serial });
		return withChanges(expired.changes, provisionTokens(input, [input.chosen.token!]));
	}
	// Tokens freed from expired lines can go straight to the users provisioned again.
	const available = [...inventory, ...expired.freed];
	const shortage = inventoryShortage(users.length, available.length);
	if (shortage) return refused(shortage, note);
	return withChanges(expired.changes, provisionTokens(input, available));
}

/**
 * Why there are too few Inventory tokens for `needed` users, or null when there are enough. The
 * provisioning command refuses with it; the Provision dialog shows it before the operator tries.
 */
export function inventoryShortage(needed: number, available: number): string | null {
	if (available >= needed) return null;
	return (
		`Not enough MobilePASS tokens in Inventory: ${needed} needed, ${available} available, ` +
		`${needed - available} missing. Revoke MobilePASS 8 tokens of migrated users (return to inventory) ` +
		'or reinitialize Lost/Faulty tokens, then try again.'
	);
}

/** Expired lines of users provisioned again: the line stays Expired, its token goes back. */
function expireLines(input: ProvisionInput, lines: Enrollment[]) {
	const changes: Change[] = [];
	const freed: Token[] = [];
	for (const e of lines) {
		changes.push(put('enrollments', { ...e, status: 'Expired' as const }));
		const token = input.openTokens?.find((t) => t.serial === e.serial && t.userId === e.userId);
		const step = token && transition(token.state, 'removeFromTask', token.serial);
		if (token && step?.ok) {
			const back = unassigned(token, step.to);
			changes.push(put('tokens', back));
			freed.push(back);
		}
	}
	return { changes, freed };
}

/** Prepends changes to an accepted outcome (a refusal stays as it is, changing nothing). */
function withChanges(changes: Change[], outcome: Outcome): Outcome {
	return outcome.ok ? { ...outcome, changes: [...changes, ...outcome.changes] } : outcome;
}

/** Why the operator's chosen serial cannot be provisioned, or null when it can. */
function chosenTokenProblem(
	chosen: NonNullable<ProvisionInput['chosen']>,
	server: VirtualServer,
	userCount: number
): string | null {
	const { serial, token } = chosen;
	if (userCount !== 1)
		return `A serial number can only be chosen when provisioning one user (${userCount} selected).`;
	if (!token || token.serverId !== server.id)
		return `Token ${serial} is not in the Inventory of ${server.name}: no such serial in this virtual server.`;
	if (token.state !== 'Inventory')
		return `Token ${serial} cannot be provisioned: it is ${token.state}, not in Inventory.`;
	return null;
}

/** Hands out `tokens[i]` to `users[i]`: one task, and per user a token, an enrollment, an email. */
function provisionTokens(input: ProvisionInput, tokens: Token[]): Outcome {
	const { server, users, at } = input;
	const task: ProvisioningTask = {
		id: randomId(),
		serverId: server.id,
		number: input.lastTaskNumber + 1,
		operator: server.operator,
		startDate: at,
		stopDate: at + server.enrollmentDays * DAY
	};
	const changes: Change[] = [put('tasks', task)];
	const audit: AuditNote[] = [];
	users.forEach((user, i) => {
		const token = tokens[i];
		const step = transition(token.state, 'provision', token.serial);
		if (!step.ok) throw new Error(step.reason); // inventory was filtered by state
		const enrollment: Enrollment = {
			id: randomId(),
			taskId: task.id,
			serverId: server.id,
			userId: user.id,
			email: user.email,
			serial: token.serial,
			status: 'Active',
			failedAttempts: 0,
			code: randomId(),
			activationString: randomDigits(16).replace(/(\d{4})(?=\d)/g, '$1-')
		};
		changes.push(
			put('tokens', {
				...token,
				state: step.to,
				userId: user.id,
				secret: newSecret(),
				digits: server.otpDigits,
				provisionedAt: at
			}),
			put('enrollments', enrollment),
			put('mail', enrollmentMail(server, user, enrollment, task, at))
		);
		audit.push({
			action: AUDIT.provision,
			target: token.serial,
			serial: token.serial,
			user: user.userId,
			detail: `Task ${task.number}: MobilePASS token ${token.serial} to ${displayUser(user)}, emailed to ${user.email}`
		});
	});
	return accepted(changes, ...audit);
}
