/**
 * "Do it for me" for the steps a user does on their phone: each runs the phone's own store
 * commands (phone-commands.ts), as tapping through the virtual phone would. The phone commands
 * load on first use, like the phone's screens that call them.
 */
import type { CommandResult } from '$lib/store/execute';
import { realNow } from '$lib/store/execute';
import { applicationsOf } from '$lib/store/queries/phone-apps';
import { onMobilePassPlus, phoneOf, plusToken } from './checks';
import type { StepContext } from './types';

const OK: CommandResult = { ok: true, message: 'Done.' };
const phoneCommands = () => import('$lib/store/phone-commands');
// The OTP library (a tenth of the embed's first load) is needed only when a step types a code.
const otp = () => import('$lib/domain/otp');
/** The PIN "Do it for me" chooses where the virtual server's PIN policy asks for one. */
export const DEMO_PIN = '1357';

/**
 * Each user installs MobilePASS+ if needed, opens the self-enrollment link of their open
 * enrollment and answers the notification question (Allow or No Thanks).
 */
export function enrollPlus(userIds: string[], allowPush: boolean) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const pc = await phoneCommands();
		for (const userId of userIds) {
			if (onMobilePassPlus(ctx.view, userId)) continue;
			const phone = phoneOf(ctx.view, userId);
			const enrollment = ctx.view.enrollments.find(
				(e) => e.userId === userId && e.status === 'Active'
			);
			if (!phone || !enrollment)
				return {
					ok: false,
					reason: `${userName(ctx, userId)} has no open enrollment: provision first.`
				};
			if (!phone.installed.mobilePassPlus) {
				const installed = await pc.installAppCommand(ctx.db, phone.id, 'mobilePassPlus');
				if (!installed.ok) return installed;
			}
			const enrolled = await pc.enrollCommand(ctx.db, {
				phoneId: phone.id,
				app: 'MobilePASS+',
				allowPush,
				pin: DEMO_PIN,
				code: enrollment.code
			});
			if (!enrolled.ok) return enrolled;
		}
		return OK;
	};
}

/** MobilePASS+ > Settings > Autosend Passcode on, for the user's MobilePASS+ token. */
export function turnOnAutosend(userId: string) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const token = plusToken(ctx.view, userId);
		const appToken = ctx.view.appTokens.find(
			(a) => a.serial === token?.serial && a.phoneId === phoneOf(ctx.view, userId)?.id
		);
		if (!appToken)
			return { ok: false, reason: `${userName(ctx, userId)} has no MobilePASS+ token yet.` };
		return (await phoneCommands()).setAutosendCommand(ctx.db, appToken.id, true);
	};
}

/** The application of the user's virtual server with this name (the seed names them alike). */
async function applicationNamed(ctx: StepContext, userId: string, name: string) {
	const serverId = ctx.view.users.find((u) => u.id === userId)?.serverId ?? '';
	const apps = await applicationsOf(ctx.db, serverId);
	return apps.find((a) => a.name === name);
}

/**
 * Sign in to an application as the user: "Use my mobile to autosend a password" and Approve on
 * the phone; with `typeCodeIfNoPush`, type the code MobilePASS+ shows when push is not offered.
 */
export function signIn(userId: string, applicationName: string, typeCodeIfNoPush = false) {
	return async (ctx: StepContext): Promise<CommandResult> => {
		const pc = await phoneCommands();
		const app = await applicationNamed(ctx, userId, applicationName);
		const user = ctx.view.users.find((u) => u.id === userId);
		if (!app || !user) return { ok: false, reason: `No application "${applicationName}".` };
		const sent = await pc.requestPushCommand(ctx.db, app.id, user.userId, 'Do it for me');
		if (sent.ok) return pc.answerPushCommand(ctx.db, sent.requestId, 'approve');
		const token = plusToken(ctx.view, userId);
		if (!typeCodeIfNoPush || !token?.secret) return sent;
		const params = { secret: token.secret, digits: token.digits, period: token.period };
		const code = (await otp()).totpCode(params, realNow());
		return pc.signInCommand(ctx.db, app.id, user.userId, code);
	};
}

function userName(ctx: StepContext, userId: string): string {
	return ctx.view.users.find((u) => u.id === userId)?.userId ?? userId;
}
