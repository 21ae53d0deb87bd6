/**
 * The actions of the model-based tests, as one table: each has an arbitrary for its parameters
 * (targets are picked by index from the world as it is at that step, so a shrunk sequence stays
 * meaningful), how it is audited, and how it runs against the real store and the reference
 * model. To add an action (a new command, a policy), add an entry here.
 */
import fc from 'fast-check';
import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { OPERATOR_ACTIONS } from '$lib/domain/lifecycle';
import type { AuditKind } from '$lib/domain/invariants';
import { totpCode } from '$lib/domain/otp';
import { targetRule } from '$lib/domain/policy';
import type { MobileApp, World } from '$lib/domain/types';
import { DAY, HOUR, MINUTE } from '$lib/domain/clock';
import * as provisioningCmd from '../provisioning-commands';
import * as tokenCmd from '../token-commands';
import * as userCmd from '../user-commands';
import * as viewCmd from '../view-commands';
import * as phone from '../phone-commands';
import { changeTargetSettingCommand } from '../policy-commands';
import { TARGETS } from '$lib/domain/types';
import type { SandboxDB } from '../db';
import type { CommandResult } from '../execute';
import type { TokenModel } from './reference';
import { worldFileActions } from './world-file-actions';

export interface Ctx {
	db: SandboxDB;
	/** The world as the previous step left it. */
	world: World;
	now: number;
	/** The fake wall clock the store reads (setRealNow). */
	real: { t: number };
	model: TokenModel;
}

/** What a step did: its result, and what the model expected that the store did not do. */
export interface StepOutcome {
	result: CommandResult;
	mismatch?: string[];
	/** The world must be exactly as before (an export imported again). */
	sameWorld?: boolean;
}

export interface ActionDef<P> {
	arb: fc.Arbitrary<P>;
	/** How the store audits it; `local` for what leaves no audit row (phone settings, clock). */
	kind: AuditKind;
	weight?: number;
	/** Runs it; undefined when there is nothing to act on now (the step does nothing). */
	run(ctx: Ctx, p: P): Promise<StepOutcome | undefined>;
}

const pick = <T>(items: readonly T[], i: number): T | undefined =>
	items.length ? items[i % items.length] : undefined;
const idx = fc.nat(50);
const expectOk = (result: CommandResult, want: boolean, what: string) =>
	result.ok === want
		? []
		: [
				`${what}: the model expected ${want ? 'success' : 'a refusal'}, the store said ${JSON.stringify(result)}`
			];

const PROFILES = [
	{ os: 'iOS', osVersion: '17.5', model: 'iPhone 15' },
	{ os: 'Android', osVersion: '14', model: 'Pixel 8' },
	{ os: 'Android', osVersion: '7.0', model: 'Galaxy S7' },
	{ os: 'Windows', osVersion: '10', model: 'Surface Pro' },
	{ os: 'iOS', osVersion: '13.7', model: 'iPhone 6s' }
] as const;

const phoneOf = (w: World, userId: string) => w.phones.find((p) => p.ownerId === userId);

/**
 * The users' open lines (stored Active): still waiting (provisioning them is refused), or past
 * their stop date, whose tokens provisioning frees (issue 11: Expired users provisioned again).
 */
function openLines(ctx: Ctx, userIds: string[]) {
	const stop = new Map(ctx.world.tasks.map((t) => [t.id, t.stopDate]));
	const open = ctx.world.enrollments.filter(
		(e) => e.status === 'Active' && userIds.includes(e.userId)
	);
	const isExpired = (e: (typeof open)[number]) => ctx.now > (stop.get(e.taskId) ?? Infinity);
	const expired = open
		.filter(isExpired)
		.filter(
			(e) =>
				ctx.model.tokens.get(e.serial)?.userId === e.userId &&
				ctx.model.allows(e.serial, 'removeFromTask')
		)
		.map((e) => e.serial);
	return { waiting: open.filter((e) => !isExpired(e)), expired };
}

/**
 * After an accepted provisioning: expired lines' tokens go back to Inventory, and each user's new
 * line must hold a token the model had available, which becomes Assigned to that user.
 */
async function followProvisioning(
	ctx: Ctx,
	userIds: string[],
	freed: string[],
	available: string[]
) {
	for (const serial of freed) ctx.model.apply(serial, 'removeFromTask');
	const known = new Set(ctx.world.enrollments.map((e) => e.id));
	const fresh = (await ctx.db.enrollments.where('userId').anyOf(userIds).toArray()).filter(
		(e) => !known.has(e.id)
	);
	const out: string[] = [];
	if (fresh.length !== userIds.length)
		out.push(`provision made ${fresh.length} lines for ${userIds.length} users`);
	for (const e of fresh) {
		if (!available.includes(e.serial) || !ctx.model.allows(e.serial, 'provision'))
			out.push(`provision handed out ${e.serial}, which the model did not have available`);
		else ctx.model.apply(e.serial, 'provision', e.userId);
	}
	return out;
}

/** Every action, by name. The names show in a failing sequence. */
export const ACTIONS = {
	provision: {
		arb: fc.record({
			users: fc.uniqueArray(idx, { minLength: 1, maxLength: 3 }),
			server: fc.nat(3)
		}),
		kind: 'audited',
		weight: 3,
		async run(ctx, p) {
			const server = ctx.world.servers[p.server % 4 === 3 ? 1 : 0];
			const users = ctx.world.users.filter((u) => u.serverId === server.id);
			const chosen = [...new Set(p.users.map((i) => pick(users, i)!.id))];
			const lines = openLines(ctx, chosen);
			const available = [...ctx.model.inventory(server.id), ...lines.expired];
			const want = lines.waiting.length === 0 && available.length >= chosen.length;
			const result = await provisioningCmd.provisionCommand(ctx.db, server.id, chosen);
			const mismatch = expectOk(result, want, 'provision');
			if (result.ok)
				mismatch.push(...(await followProvisioning(ctx, chosen, lines.expired, available)));
			return { result, mismatch };
		}
	} satisfies ActionDef<{ users: number[]; server: number }>,

	provisionSerial: {
		arb: fc.record({ user: idx, token: idx }),
		kind: 'audited',
		async run(ctx, p) {
			const user = pick(ctx.world.users, p.user)!;
			const token = pick(ctx.world.tokens, p.token)!;
			const lines = openLines(ctx, [user.id]);
			const want =
				lines.waiting.length === 0 &&
				token.serverId === user.serverId &&
				ctx.model.allows(token.serial, 'provision');
			const result = await provisioningCmd.provisionCommand(ctx.db, user.serverId, [user.id], {
				serial: token.serial
			});
			const mismatch = expectOk(result, want, 'provision a chosen serial');
			if (result.ok)
				mismatch.push(...(await followProvisioning(ctx, [user.id], lines.expired, [token.serial])));
			return { result, mismatch };
		}
	} satisfies ActionDef<{ user: number; token: number }>,

	operate: {
		arb: fc.record({ token: idx, action: fc.constantFrom(...OPERATOR_ACTIONS) }),
		kind: 'audited',
		weight: 3,
		async run(ctx, p) {
			const token = pick(ctx.world.tokens, p.token)!;
			const allowed = ctx.model.allows(token.serial, p.action);
			const result = await tokenCmd.operateTokenCommand(ctx.db, token.serial, p.action);
			if (result.ok) ctx.model.apply(token.serial, p.action);
			return { result, mismatch: expectOk(result, allowed, `${p.action} ${token.serial}`) };
		}
	} satisfies ActionDef<{ token: number; action: (typeof OPERATOR_ACTIONS)[number] }>,

	removeFromTask: {
		arb: idx,
		kind: 'audited',
		async run(ctx, i) {
			const e = pick(ctx.world.enrollments, i);
			if (!e) return undefined;
			const open =
				(e.status === 'Active' || e.status === 'Locked') &&
				ctx.model.allows(e.serial, 'removeFromTask');
			const result = await provisioningCmd.removeFromTaskCommand(ctx.db, e.serverId, e.id);
			if (result.ok) ctx.model.apply(e.serial, 'removeFromTask');
			return { result, mismatch: expectOk(result, open, `remove ${e.id}`) };
		}
	} satisfies ActionDef<number>,

	/** Policy > Token Policies > Software Token & Push OTP Settings: any row, any values. */
	policy: {
		arb: fc.record({
			server: idx,
			target: fc.constantFrom(...TARGETS),
			allowed: fc.boolean(),
			app: fc.constantFrom<MobileApp>('MobilePASS+', 'MobilePASS 8'),
			push: fc.boolean()
		}),
		kind: 'audited',
		async run(ctx, p) {
			const server = pick(ctx.world.servers, p.server)!;
			const { allowed, app, push } = p;
			const setting = { allowed, app, push };
			return { result: await changeTargetSettingCommand(ctx.db, server.id, p.target, setting) };
		}
	} satisfies ActionDef<{
		server: number;
		target: string;
		allowed: boolean;
		app: MobileApp;
		push: boolean;
	}>,

	resendEmail: {
		arb: idx,
		kind: 'audited',
		async run(ctx, i) {
			const e = pick(ctx.world.enrollments, i);
			return e && { result: await provisioningCmd.resendEmailCommand(ctx.db, e.serverId, e.id) };
		}
	} satisfies ActionDef<number>,

	changeStopDate: {
		arb: fc.record({ task: idx, days: fc.integer({ min: -3, max: 30 }) }),
		kind: 'audited',
		async run(ctx, p) {
			const t = pick(ctx.world.tasks, p.task);
			if (!t) return undefined;
			const result = await provisioningCmd.changeStopDateCommand(
				ctx.db,
				t.serverId,
				t.id,
				ctx.now + p.days * DAY
			);
			return { result, mismatch: expectOk(result, p.days > 0, 'change stop date') };
		}
	} satisfies ActionDef<{ task: number; days: number }>,

	migrationCleanup: {
		arb: fc.boolean(),
		kind: 'audited',
		async run(ctx, stale) {
			const users = new Map(ctx.world.users.map((u) => [u.id, u]));
			const list = migratedMobilePass8(
				ctx.world.tokens.filter((t) => t.serverId === 'acme'),
				users
			);
			const serials = list.map((m) => m.token.serial);
			if (stale) serials.push(ctx.world.tokens[0].serial);
			const result = await tokenCmd.revokeMigratedCommand(ctx.db, 'acme', serials);
			if (result.ok) for (const s of serials) ctx.model.apply(s, 'revokeToInventory');
			return { result, mismatch: stale ? [] : expectOk(result, serials.length > 0, 'clean-up') };
		}
	} satisfies ActionDef<boolean>,

	importUsers: {
		arb: fc.array(fc.record({ n: fc.nat(5), bad: fc.constantFrom('', '', 'email', 'quote') }), {
			minLength: 1,
			maxLength: 3
		}),
		kind: 'audited',
		async run(ctx, rows) {
			const lines = rows.map((r) =>
				r.bad === 'quote'
					? `m${r.n},"Bob"x,L,m${r.n}@x.example,`
					: `m${r.n},F,L,${r.bad ? 'nope' : `m${r.n}@x.example`},`
			);
			const text = ['User ID,First Name,Last Name,Email,Groups', ...lines].join('\n');
			const ids = rows.map((r) => `m${r.n}`);
			const taken = ctx.world.users.some((u) => u.serverId === 'acme' && ids.includes(u.userId));
			const valid = rows.every((r) => !r.bad) && new Set(ids).size === ids.length && !taken;
			const result = await userCmd.importUsersCommand(ctx.db, 'acme', 'users.csv', text);
			return { result, mismatch: expectOk(result, valid, 'import users') };
		}
	} satisfies ActionDef<{ n: number; bad: string }[]>,

	installApp: {
		arb: fc.record({
			user: idx,
			app: fc.constantFrom('mobilePass8', 'mobilePassPlus') as fc.Arbitrary<
				'mobilePass8' | 'mobilePassPlus'
			>
		}),
		kind: 'local',
		async run(ctx, p) {
			const ph = pick(ctx.world.phones, p.user)!;
			return { result: await phone.installAppCommand(ctx.db, ph.id, p.app) };
		}
	} satisfies ActionDef<{ user: number; app: 'mobilePass8' | 'mobilePassPlus' }>,

	removeApp: {
		arb: fc.record({
			user: idx,
			app: fc.constantFrom('mobilePass8', 'mobilePassPlus') as fc.Arbitrary<
				'mobilePass8' | 'mobilePassPlus'
			>
		}),
		kind: 'local',
		async run(ctx, p) {
			const ph = pick(ctx.world.phones, p.user)!;
			return { result: await phone.removeAppCommand(ctx.db, ph.id, p.app) };
		}
	} satisfies ActionDef<{ user: number; app: 'mobilePass8' | 'mobilePassPlus' }>,

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
	} satisfies ActionDef<number>,

	clock: {
		arb: fc.constantFrom(
			{ kind: 'advance', ms: 31_000 },
			{ kind: 'advance', ms: 61_000 },
			{ kind: 'advance', ms: HOUR },
			{ kind: 'advance', ms: DAY },
			{ kind: 'advance', ms: 8 * DAY },
			{ kind: 'pause' },
			{ kind: 'resume' },
			{ kind: 'wall', ms: 45_000 },
			{ kind: 'wall', ms: 5 * MINUTE }
		) as fc.Arbitrary<{ kind: 'advance' | 'pause' | 'resume' | 'wall'; ms?: number }>,
		kind: 'local',
		weight: 2,
		async run(ctx, p) {
			if (p.kind === 'wall') {
				ctx.real.t += p.ms!;
				return { result: { ok: true, message: '' } };
			}
			const move =
				p.kind === 'advance' ? { kind: 'advance' as const, ms: p.ms! } : { kind: p.kind };
			return { result: await viewCmd.moveClock(ctx.db, move) };
		}
	} satisfies ActionDef<{ kind: 'advance' | 'pause' | 'resume' | 'wall'; ms?: number }>,

	...worldFileActions
};

export type ActionName = keyof typeof ACTIONS;
export interface Action {
	name: ActionName;
	p: unknown;
}

/** One step of a sequence: any action, weighted. */
export const anyAction: fc.Arbitrary<Action> = fc.oneof(
	...(Object.entries(ACTIONS) as [ActionName, ActionDef<unknown>][]).map(([name, a]) => ({
		weight: a.weight ?? 1,
		arbitrary: a.arb.map((p) => ({ name, p }))
	}))
);
