/**
 * Starting worlds shaped with the domain's own commands, so a prepared world is one the sandbox
 * could have reached by itself (a smaller inventory, a task that has expired, a locked token).
 */
import { AUDIT } from '$lib/domain/audit-actions';
import { transition } from '$lib/domain/lifecycle';
import { accepted, put, type Outcome } from '$lib/domain/outcome';
import {
	changeTargetSetting,
	mobilesOnMobilePassPlus,
	softwareTokenSettings
} from '$lib/domain/policy';
import { provision } from '$lib/domain/provisioning';
import type { Instant, Token, World } from '$lib/domain/types';

/** Applies an accepted outcome to a copy of the world, with its audit rows; throws if refused. */
export function applyOutcome(world: World, outcome: Outcome, at: Instant, serverId: string): World {
	if (!outcome.ok) throw new Error(`Preparing the starting world failed: ${outcome.reason}`);
	const next = { ...world } as Record<keyof World, unknown[]>;
	for (const change of outcome.changes) {
		const key = change.table === 'tokens' ? 'serial' : 'id';
		const rows = [...(next[change.table] as Record<string, unknown>[])];
		const id =
			'put' in change ? (change.put as unknown as Record<string, unknown>)[key] : change.delete;
		const i = rows.findIndex((r) => r[key] === id);
		if ('put' in change) {
			if (i >= 0) rows[i] = change.put as unknown as Record<string, unknown>;
			else rows.push(change.put as unknown as Record<string, unknown>);
		} else if (i >= 0) rows.splice(i, 1);
		next[change.table] = rows;
	}
	const server = world.servers.find((s) => s.id === serverId);
	next.audit = [
		...world.audit,
		...outcome.audit.map((n) => ({
			serverId,
			at,
			operator: n.actor ?? server?.operator ?? '',
			action: n.action,
			target: n.target,
			serial: n.serial ?? null,
			user: n.user ?? null,
			outcome: 'Success' as const,
			detail: n.detail ?? ''
		}))
	];
	return next as unknown as World;
}

/** Keeps only `count` Inventory tokens in a virtual server: a customer with a smaller allocation. */
export function limitInventory(world: World, serverId: string, count: number): World {
	let kept = 0;
	const tokens = world.tokens.filter((t) => {
		if (t.serverId !== serverId || t.state !== 'Inventory') return true;
		return kept++ < count;
	});
	return { ...world, tokens };
}

/** Provisions users at a time in the past (for a task that is already expired, say). */
export function provisionAt(world: World, serverId: string, userIds: string[], at: Instant): World {
	const server = world.servers.find((s) => s.id === serverId);
	if (!server) throw new Error(`No virtual server ${serverId}.`);
	const users = userIds.map((id) => world.users.find((u) => u.id === id)!);
	const inventory = world.tokens
		.filter((t) => t.serverId === serverId && t.state === 'Inventory')
		.sort((a, b) => a.serial.localeCompare(b.serial));
	const last = Math.max(
		0,
		...world.tasks.filter((t) => t.serverId === serverId).map((t) => t.number)
	);
	const outcome = provision({
		server,
		users,
		inventory,
		openEnrollments: world.enrollments.filter((e) => e.status === 'Active'),
		lastTaskNumber: last,
		at
	});
	return applyOutcome(world, outcome, at, serverId);
}

/** A user who typed wrong passcodes until the lockout threshold: their token is Locked. */
export function lockTokenOf(world: World, userId: string, at: Instant): World {
	const token = world.tokens.find((t) => t.userId === userId && t.state === 'Active');
	const user = world.users.find((u) => u.id === userId);
	if (!token || !user) throw new Error(`${userId} has no Active token to lock.`);
	const step = transition(token.state, 'lock', token.serial);
	if (!step.ok) throw new Error(step.reason);
	const server = world.servers.find((s) => s.id === token.serverId);
	const locked: Token = { ...token, state: step.to, failedCount: server?.lockoutThreshold ?? 5 };
	const outcome = accepted([put('tokens', locked)], {
		action: AUDIT.tokenLocked,
		target: token.serial,
		serial: token.serial,
		user: user.userId,
		actor: user.userId,
		detail: `${locked.failedCount} failed sign-ins reached the lockout threshold`
	});
	return applyOutcome(world, outcome, at, token.serverId);
}

/**
 * The operator has already taken the first migration step: Software Token & Push OTP Settings
 * send iOS and Android users to MobilePASS+, with push (for scenarios that start mid-migration).
 */
export function startMigration(world: World, serverId: string, at: Instant): World {
	for (const target of ['iOS', 'Android'] as const) {
		const server = world.servers.find((s) => s.id === serverId);
		const next = mobilesOnMobilePassPlus(softwareTokenSettings(server))[target];
		world = applyOutcome(world, changeTargetSetting(server, target, next), at, serverId);
	}
	return world;
}
