/**
 * Phone actions of the model-based tests: apps installed and removed, the phone's profile,
 * enrollment, Autosend Passcode, sign-in with a code, push requests and their answers, mail.
 */
import fc from 'fast-check';
import { totpCode } from '$lib/domain/otp';
import { targetRule } from '$lib/domain/policy';
import type { MobileApp } from '$lib/domain/types';
import type { SandboxDB } from '../db';
import type { CommandResult } from '../execute';
import * as phone from '../phone-commands';
import * as viewCmd from '../view-commands';
import { idx, phoneOf, pick, type ActionDef } from './ctx';

const PROFILES = [
	{ os: 'iOS', osVersion: '17.5', model: 'iPhone 15' },
	{ os: 'Android', osVersion: '14', model: 'Pixel 8' },
	{ os: 'Android', osVersion: '7.0', model: 'Galaxy S7' },
	{ os: 'Windows', osVersion: '10', model: 'Surface Pro' },
	{ os: 'iOS', osVersion: '13.7', model: 'iPhone 6s' }
] as const;
type AppKey = 'mobilePass8' | 'mobilePassPlus';
/** Installing or removing an app on a phone: the same draw, another command. */
function appOnPhone(
	command: (db: SandboxDB, phoneId: string, app: AppKey) => Promise<CommandResult>
): ActionDef<{ user: number; app: AppKey }> {
	return {
		arb: fc.record({ user: idx, app: fc.constantFrom<AppKey>('mobilePass8', 'mobilePassPlus') }),
		kind: 'local',
		async run(ctx, p) {
			const ph = pick(ctx.world.phones, p.user)!;
			return { result: await command(ctx.db, ph.id, p.app) };
		}
	};
}
export const phoneActions = {
	installApp: appOnPhone(phone.installAppCommand),
	removeApp: appOnPhone(phone.removeAppCommand),

	editPhone: {
		arb: fc.record({ user: idx, profile: fc.nat(PROFILES.length - 1) }),
		kind: 'local',
		async run(ctx, p) {
			const ph = pick(ctx.world.phones, p.user)!;
			return { result: await phone.editPhoneCommand(ctx.db, ph.id, { ...PROFILES[p.profile] }) };
		}
	} satisfies ActionDef<{ user: number; profile: number }>,

	enroll: {
		arb: fc.record({
			user: idx,
			// Mostly the app the self-enrollment page names (the policy's for the phone's target),
			// as a user following it would; otherwise either app, which the policy may refuse.
			app: fc.constantFrom<MobileApp | 'policy'>('policy', 'policy', 'MobilePASS+', 'MobilePASS 8'),
			allowPush: fc.boolean(),
			via: fc.constantFrom('link', 'link', 'activation', 'wrong'),
			pin: fc.constantFrom<string | null>('1357', '1357', null, '12')
		}),
		kind: 'audited',
		weight: 3,
		async run(ctx, p) {
			// Mostly a user with an open enrollment: the interesting case.
			const open = ctx.world.enrollments.filter((e) => e.status === 'Active');
			// Without one, only now and then (that refusal is cheap to reach).
			if (!open.length && p.user % 4) return undefined;
			const userId = pick(open, p.user)?.userId ?? pick(ctx.world.users, p.user)!.id;
			const ph = phoneOf(ctx.world, userId);
			if (!ph) return undefined; // a user imported from CSV has no phone
			const e = open.find((x) => x.userId === userId);
			const serverId = ctx.world.users.find((u) => u.id === userId)?.serverId;
			const rule = targetRule(
				ctx.world.servers.find((s) => s.id === serverId),
				ph
			);
			const app = p.app !== 'policy' ? p.app : rule.ok ? rule.setting.app : 'MobilePASS+';
			const request = {
				phoneId: ph.id,
				app,
				allowPush: p.allowPush,
				pin: p.pin,
				...(p.via === 'link' && e ? { code: e.code } : {}),
				...(p.via !== 'link'
					? { activationString: p.via === 'wrong' || !e ? '9999' : e.activationString }
					: {})
			};
			const result = await phone.enrollCommand(ctx.db, request);
			const serial = e?.serial;
			const mismatch =
				result.ok && (!serial || !ctx.model.allows(serial, 'enroll'))
					? ['enroll accepted for a token that is not Assigned']
					: [];
			if (result.ok && serial) ctx.model.apply(serial, 'enroll');
			return { result, mismatch };
		}
	} satisfies ActionDef<{
		user: number;
		app: MobileApp | 'policy';
		allowPush: boolean;
		via: string;
		pin: string | null;
	}>,

	autosend: {
		arb: fc.record({ card: idx, on: fc.boolean() }),
		kind: 'local',
		async run(ctx, p) {
			// Mostly MobilePASS+ cards: the setting is theirs (MobilePASS 8 ones are refused).
			const plus = ctx.world.appTokens.filter((a) => a.app === 'MobilePASS+');
			const card = pick(plus.length && p.card % 4 ? plus : ctx.world.appTokens, p.card);
			return card && { result: await phone.setAutosendCommand(ctx.db, card.id, p.on) };
		}
	} satisfies ActionDef<{ card: number; on: boolean }>,

	signIn: {
		arb: fc.record({ user: idx, app: fc.nat(3), card: idx, correct: fc.boolean() }),
		kind: 'audited',
		weight: 3,
		async run(ctx, p) {
			// Mostly users who hold a card, so that right codes happen.
			const holders = ctx.world.appTokens.map(
				(a) => ctx.world.phones.find((ph) => ph.id === a.phoneId)!.ownerId
			);
			const userId = pick(holders, p.user) ?? pick(ctx.world.users, p.user)!.id;
			const user = ctx.world.users.find((u) => u.id === userId)!;
			const app = pick(
				ctx.world.applications.filter((a) => a.serverId === user.serverId),
				p.app
			)!;
			const ph = phoneOf(ctx.world, userId);
			const cards = ctx.world.appTokens.filter((a) => a.phoneId === ph?.id);
			// Codes follow the real clock (the store's fake wall clock here), not the simulated one.
			const codes = cards.map((c) => totpCode(c, ctx.real.t));
			const card = pick(cards, p.card);
			const code =
				p.correct && card
					? totpCode(card, ctx.real.t)
					: ['000000', '000001', '000002'].find((c) => !codes.includes(c))!;
			const usable = ctx.model.usable(userId);
			const result = await phone.signInCommand(ctx.db, app.id, user.userId, code);
			const matched = result.ok && card && usable.includes(card.serial) ? card.serial : null;
			if (matched) ctx.model.tokens.get(matched)!.failed = 0;
			else if (!result.ok && usable.length) ctx.model.wrongCode(userId);
			const mismatch =
				result.ok && !matched ? ['sign-in accepted without a usable token’s code'] : [];
			return { result, mismatch };
		}
	} satisfies ActionDef<{ user: number; app: number; card: number; correct: boolean }>,

	requestPush: {
		arb: fc.record({ user: idx, app: fc.nat(3) }),
		kind: 'audited',
		weight: 2,
		async run(ctx, p) {
			const plus = ctx.world.tokens.filter((t) => t.app === 'MobilePASS+' && t.userId);
			const userId = pick(plus, p.user)?.userId ?? pick(ctx.world.users, p.user)!.id;
			const user = ctx.world.users.find((u) => u.id === userId)!;
			// Mostly push-capable applications, sometimes one that is not.
			const apps = ctx.world.applications.filter((a) => a.serverId === user.serverId);
			const capable = apps.filter((a) => a.pushCapable);
			const app = pick(p.app % 4 && capable.length ? capable : apps, p.app)!;
			return { result: await phone.requestPushCommand(ctx.db, app.id, user.userId, 'Lyon') };
		}
	} satisfies ActionDef<{ user: number; app: number }>,

	answerPush: {
		arb: fc.record({
			request: idx,
			answer: fc.constantFrom('approve', 'approve', 'deny', 'report') as fc.Arbitrary<
				'approve' | 'deny' | 'report'
			>
		}),
		kind: 'audited',
		weight: 4,
		async run(ctx, p) {
			// Mostly a pending request: answering one already answered is refused.
			const pending = ctx.world.pushRequests.filter((x) => x.status === 'Pending');
			const r = pick(pending.length && p.request % 4 ? pending : ctx.world.pushRequests, p.request);
			if (!r) return undefined;
			const result = await phone.answerPushCommand(ctx.db, r.id, p.answer);
			const token = ctx.model.tokens.get(r.serial)!;
			const mismatch =
				result.ok && p.answer === 'approve' && token.state !== 'Active'
					? ['push approved for a token that is not Active']
					: [];
			if (result.ok && p.answer === 'approve') token.failed = 0;
			return { result, mismatch };
		}
	} satisfies ActionDef<{ request: number; answer: 'approve' | 'deny' | 'report' }>,

	readMail: {
		arb: idx,
		kind: 'local',
		async run(ctx, i) {
			const m = pick(ctx.world.mail, i);
			return m && { result: await viewCmd.markMailReadCommand(ctx.db, m.id) };
		}
	} satisfies ActionDef<number>
};
