/** "Do it for me" building blocks: each runs the store commands a trainee would run. */
import { DAY } from '$lib/domain/clock';
import {
	changeStopDateCommand,
	provisionCommand,
	removeFromTaskCommand,
	resendEmailCommand
} from '$lib/store/provisioning-commands';
import { operateTokenCommand } from '$lib/store/token-commands';
import { markMailReadCommand } from '$lib/store/view-commands';
import type { CommandResult } from '$lib/store/execute';
import { expiredEnrollment, isProvisioned, mp8Serial } from './checks';
import { mobilesOnMobilePassPlus, softwareTokenSettings } from '$lib/domain/policy';
import type { StepContext } from './types';

const OK: CommandResult = { ok: true, message: 'Done.' };

function serverOf(ctx: StepContext, userId: string): string {
	return ctx.view.users.find((u) => u.id === userId)?.serverId ?? '';
}

/** Provision the users who are not provisioned yet (one provisioning task). */
export function provisionUsers(userIds: string[]) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const todo = userIds.filter((id) => !isProvisioned(ctx.view, id));
		if (!todo.length) return OK;
		return provisionCommand(ctx.db, serverOf(ctx, todo[0]), todo);
	};
}

/** Revoke each user's MobilePASS 8 token, reason: return to inventory. */
export function revokeMp8(userIds: string[]) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		for (const id of userIds) {
			const serial = mp8Serial(ctx.view, id);
			const token = ctx.view.tokens.find((t) => t.serial === serial);
			if (!serial || token?.userId !== id) continue;
			const result = await operateTokenCommand(ctx.db, serial, 'revokeToInventory');
			if (!result.ok) return result;
		}
		return OK;
	};
}

/** The user opens the enrollment email (the newest one that carries a link). */
export function openEnrollmentMail(userId: string) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const mail = ctx.view.mail
			.filter((m) => m.userId === userId && m.enrollmentCode)
			.sort((a, b) => b.receivedAt - a.receivedAt)[0];
		if (!mail) return { ok: false, reason: 'There is no enrollment email to open yet.' };
		return markMailReadCommand(ctx.db, mail.id);
	};
}

/** Give an expired task a new stop date a week from now, and send the email again. */
export function renewEnrollment(userId: string) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const e = expiredEnrollment(ctx.view, userId);
		if (!e) return { ok: false, reason: 'There is no expired enrollment to renew.' };
		const moved = await changeStopDateCommand(ctx.db, e.serverId, e.taskId, ctx.view.now + 7 * DAY);
		if (!moved.ok) return moved;
		return resendEmailCommand(ctx.db, e.serverId, e.id);
	};
}

export function unlockTokenOf(userId: string) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const token = ctx.view.tokens.find((t) => t.userId === userId && t.state === 'Locked');
		if (!token) return { ok: false, reason: 'The user has no Locked token.' };
		return operateTokenCommand(ctx.db, token.serial, 'unlock');
	};
}

export function removeOpenEnrollment(userId: string) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const e = ctx.view.enrollments.find((x) => x.userId === userId && x.status === 'Active');
		if (!e) return { ok: false, reason: 'The user has no open enrollment.' };
		return removeFromTaskCommand(ctx.db, e.serverId, e.id);
	};
}

/**
 * Policy > Token Policies > Software Token & Push OTP Settings: iOS and Android on MobilePASS+,
 * Push Notifications on (the operator's first migration step).
 */
export function switchMobilesToPlus(serverId: string) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const { changeTargetSettingCommand } = await import('$lib/store/policy-commands');
		const server = ctx.view.servers.find((s) => s.id === serverId);
		const before = softwareTokenSettings(server);
		const next = mobilesOnMobilePassPlus(before);
		for (const target of ['iOS', 'Android'] as const) {
			const a = before[target];
			const b = next[target];
			if (a.allowed === b.allowed && a.app === b.app && a.push === b.push) continue;
			const r = await changeTargetSettingCommand(ctx.db, serverId, target, b);
			if (!r.ok) return r;
		}
		return OK;
	};
}
