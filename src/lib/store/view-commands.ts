/**
 * The commands that the sandbox's first screen needs (clock, preferences, reading mail), apart
 * from the operator's commands, so that the first load does not carry the whole console.
 */
import { advanceClock, pauseClock, resumeClock } from '$lib/domain/clock';
import { markMailRead } from '$lib/domain/mail';
import type { Preferences, SandboxDB } from './db';
import { execute, realNow, storageErrorMessage, type CommandResult } from './execute';
import { readClock, readPreferences } from './meta';

type ClockMove = { kind: 'pause' } | { kind: 'resume' } | { kind: 'advance'; ms: number };

/** Pause, resume or fast-forward the simulated clock that every window shares. */
export async function moveClock(db: SandboxDB, move: ClockMove): Promise<CommandResult> {
	try {
		await db.transaction('rw', db.meta, async (tx) => {
			const clock = await readClock(tx);
			const now = realNow();
			const next =
				move.kind === 'pause'
					? pauseClock(clock, now)
					: move.kind === 'resume'
						? resumeClock(clock, now)
						: advanceClock(clock, move.ms, now);
			await tx.meta.put({ key: 'clock', value: next });
		});
		return { ok: true, message: '' };
	} catch (error) {
		return { ok: false, reason: storageErrorMessage(error) };
	}
}

/** View settings every window shares: the virtual server and whose phone is shown. */
export async function setPreferences(db: SandboxDB, change: Partial<Preferences>) {
	await db.transaction('rw', db.meta, async (tx) => {
		const current = await readPreferences(tx);
		await tx.meta.put({
			key: 'preferences',
			value: { serverId: '', phoneUserId: '', ...current, ...change }
		});
	});
}

export async function markMailReadCommand(db: SandboxDB, mailId: string) {
	const mail = await db.mail.get(mailId);
	const owner = mail ? await db.users.get(mail.userId) : undefined;
	if (!owner) return { ok: false, reason: 'That message no longer exists.' } as CommandResult;
	return execute(db, owner.serverId, async (tx) => markMailRead(await tx.mail.get(mailId)));
}

// The console's commands (users, groups, import, migration clean-up) live in their own file.
