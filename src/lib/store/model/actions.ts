/**
 * The actions of the model-based tests, as one table: each has an arbitrary for its parameters
 * (targets are picked by index from the world as it is at that step, so a shrunk sequence stays
 * meaningful), how it is audited, and how it runs against the real store and the reference
 * model. Console, policy and clock actions are here; phone actions in phone-actions.ts, world
 * file actions in world-file-actions.ts. To add an action, add an entry to its subject's table.
 */
import fc from 'fast-check';
import { migratedMobilePass8 } from '$lib/domain/cleanup';
import { OPERATOR_ACTIONS } from '$lib/domain/lifecycle';
import type { MobileApp } from '$lib/domain/types';
import { DAY, HOUR, MINUTE } from '$lib/domain/clock';
import * as provisioningCmd from '../provisioning-commands';
import * as tokenCmd from '../token-commands';
import * as userCmd from '../user-commands';
import * as viewCmd from '../view-commands';
import { changeTargetSettingCommand } from '../policy-commands';
import { TARGETS } from '$lib/domain/types';
import { worldFileActions } from './world-file-actions';
import { phoneActions } from './phone-actions';
import { expectOk, idx, pick, type ActionDef, type Ctx } from './ctx';

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

	...phoneActions,

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
