/**
 * The commands the UI may run. Each gathers what its domain rule needs, inside one transaction
 * (see execute), so the UI never writes a table itself.
 */
import { advanceClock, pauseClock, resumeClock } from '$lib/domain/clock';
import { OPERATOR_ACTIONS } from '$lib/domain/lifecycle';
import { refused } from '$lib/domain/outcome';
import { changeStopDate, provision, removeFromTask, resendEmail } from '$lib/domain/provisioning';
import { operateToken, type OperatorAction } from '$lib/domain/tokens';
import { markMailRead } from '$lib/domain/mail';
import type { Instant } from '$lib/domain/types';
import type { Preferences, SandboxDB } from './db';
import { execute, realNow, storageErrorMessage, type CommandResult } from './execute';
import { readClock, readPreferences } from './meta';

export function isOperatorAction(a: string): a is OperatorAction {
	return (OPERATOR_ACTIONS as readonly string[]).includes(a);
}

export async function operateTokenCommand(db: SandboxDB, serial: string, action: OperatorAction) {
	const token = await db.tokens.get(serial);
	if (!token) return { ok: false, reason: `No token with serial ${serial}.` } as CommandResult;
	return execute(db, token.serverId, async (at) => {
		const current = await db.tokens.get(serial);
		const owner = current?.userId ? await db.users.get(current.userId) : undefined;
		return operateToken(current, action, owner, at);
	});
}

export async function provisionCommand(db: SandboxDB, serverId: string, userIds: string[]) {
	return execute(db, serverId, async (at, server) => {
		const users = (await db.users.bulkGet(userIds)).filter((u) => u?.serverId === serverId);
		if (users.length !== userIds.length)
			return refused('Some selected users do not exist in this virtual server.', {
				action: 'Provision',
				target: `${userIds.length} user(s)`
			});
		const inventory = await db.tokens
			.where('[serverId+state]')
			.equals([serverId, 'Inventory'])
			.sortBy('serial');
		const openEnrollments = await db.enrollments
			.where('userId')
			.anyOf(userIds)
			.filter((e) => e.status === 'Active')
			.toArray();
		const last = await db.tasks
			.where('[serverId+number]')
			.between([serverId, -Infinity], [serverId, Infinity])
			.last();
		return provision({
			server,
			users: users as NonNullable<(typeof users)[number]>[],
			inventory,
			openEnrollments,
			lastTaskNumber: last?.number ?? 0,
			at
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
	return execute(db, serverId, async () => {
		const { enrollment, token, user } = await enrollmentContext(db, enrollmentId);
		return removeFromTask(enrollment, token, user);
	});
}

export async function resendEmailCommand(db: SandboxDB, serverId: string, enrollmentId: string) {
	return execute(db, serverId, async (at, server) => {
		const { enrollment, task, user } = await enrollmentContext(db, enrollmentId);
		return resendEmail(server, enrollment, task, user, at);
	});
}

export async function changeStopDateCommand(
	db: SandboxDB,
	serverId: string,
	taskId: string,
	stopDate: Instant
) {
	return execute(db, serverId, async (at) =>
		changeStopDate(await db.tasks.get(taskId), stopDate, at)
	);
}

type ClockMove = { kind: 'pause' } | { kind: 'resume' } | { kind: 'advance'; ms: number };

/** Pause, resume or fast-forward the simulated clock that every window shares. */
export async function moveClock(db: SandboxDB, move: ClockMove): Promise<CommandResult> {
	try {
		await db.transaction('rw', db.meta, async () => {
			const clock = await readClock(db);
			const now = realNow();
			const next =
				move.kind === 'pause'
					? pauseClock(clock, now)
					: move.kind === 'resume'
						? resumeClock(clock, now)
						: advanceClock(clock, move.ms, now);
			await db.meta.put({ key: 'clock', value: next });
		});
		return { ok: true, message: '' };
	} catch (error) {
		return { ok: false, reason: storageErrorMessage(error) };
	}
}

/** View settings every window shares: the virtual server and whose phone is shown. */
export async function setPreferences(db: SandboxDB, change: Partial<Preferences>) {
	await db.transaction('rw', db.meta, async () => {
		const current = await readPreferences(db);
		await db.meta.put({
			key: 'preferences',
			value: { serverId: '', phoneUserId: '', ...current, ...change }
		});
	});
}

export async function markMailReadCommand(db: SandboxDB, mailId: string) {
	const mail = await db.mail.get(mailId);
	const owner = mail ? await db.users.get(mail.userId) : undefined;
	if (!owner) return { ok: false, reason: 'That message no longer exists.' } as CommandResult;
	return execute(db, owner.serverId, async () => markMailRead(await db.mail.get(mailId)));
}
