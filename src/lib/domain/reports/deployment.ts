import { AUDIT } from '../audit-actions';
import { enrollmentStatus } from '../provisioning';
import {
	PUSH_OTP_STATES,
	TOKEN_STATES,
	type AuditEvent,
	type Enrollment,
	type Instant,
	type ProvisioningTask,
	type Token,
	type TokenState,
	type User
} from '../types';

/** A labelled count: what every chart draws and every accessible table lists. */
export interface Count {
	label: string;
	count: number;
}

/**
 * Where each user stands in the migration. The categories partition the users:
 * - "MobilePASS+ pending": a MobilePASS+ token is on its way (a token Assigned to them, or an
 *   enrollment still open), whatever they use today;
 * - "Both": enrolled in MobilePASS+ and still holding a MobilePASS 8 token (revoke it next);
 * - "MobilePASS+ active" / "MobilePASS 8 only": enrolled in that app alone;
 * - "None": no token at all.
 * Enrolled means Active, Suspended or Locked: a suspended token is still deployed.
 */
export const MIGRATION_STAGES = [
	'MobilePASS 8 only',
	'MobilePASS+ pending',
	'MobilePASS+ active',
	'Both',
	'None'
] as const;
export type MigrationStage = (typeof MIGRATION_STAGES)[number];

const ENROLLED: ReadonlySet<TokenState> = new Set(['Active', 'Suspended', 'Locked']);

export function isEnrolled(t: Pick<Token, 'state' | 'app'>): boolean {
	return ENROLLED.has(t.state) && t.app !== null;
}

export function migrationStageOf(
	tokens: Pick<Token, 'state' | 'app'>[],
	hasOpenEnrollment: boolean
): MigrationStage {
	let mp8 = false;
	let plus = false;
	let assigned = false;
	for (const t of tokens) {
		if (t.state === 'Assigned') assigned = true;
		else if (isEnrolled(t)) {
			if (t.app === 'MobilePASS 8') mp8 = true;
			else plus = true;
		}
	}
	if (plus) return mp8 ? 'Both' : 'MobilePASS+ active';
	if (assigned || hasOpenEnrollment) return 'MobilePASS+ pending';
	return mp8 ? 'MobilePASS 8 only' : 'None';
}

export function migrationProgress(
	users: Pick<User, 'id'>[],
	tokens: Pick<Token, 'userId' | 'state' | 'app'>[],
	openEnrollmentUserIds: ReadonlySet<string>
): Count[] {
	const byUser = new Map<string, Pick<Token, 'state' | 'app'>[]>();
	for (const t of tokens) {
		if (!t.userId) continue;
		const list = byUser.get(t.userId);
		if (list) list.push(t);
		else byUser.set(t.userId, [t]);
	}
	const counts = new Map<MigrationStage, number>(MIGRATION_STAGES.map((s) => [s, 0]));
	for (const u of users) {
		const stage = migrationStageOf(byUser.get(u.id) ?? [], openEnrollmentUserIds.has(u.id));
		counts.set(stage, counts.get(stage)! + 1);
	}
	return MIGRATION_STAGES.map((label) => ({ label, count: counts.get(label)! }));
}

/** Users whose enrollment is still open (Active and not past the task's stop date). */
export function openEnrollmentUsers(
	enrollments: Enrollment[],
	tasks: Pick<ProvisioningTask, 'id' | 'stopDate'>[],
	at: Instant
): Set<string> {
	const byId = new Map(tasks.map((t) => [t.id, t]));
	const open = new Set<string>();
	for (const e of enrollments) {
		const task = byId.get(e.taskId);
		if (task && enrollmentStatus(e, task, at) === 'Active') open.add(e.userId);
	}
	return open;
}

/** Push OTP as recorded at enrollment, over enrolled tokens. */
export function pushOtpStates(tokens: Pick<Token, 'state' | 'app' | 'pushOtp'>[]): Count[] {
	const counts = new Map<string, number>(PUSH_OTP_STATES.map((s) => [s, 0]));
	for (const t of tokens)
		if (isEnrolled(t) && t.pushOtp) counts.set(t.pushOtp, counts.get(t.pushOtp)! + 1);
	return PUSH_OTP_STATES.map((label) => ({ label, count: counts.get(label)! }));
}

function tally(values: Iterable<string>): Count[] {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts]
		.map(([label, count]) => ({ label, count }))
		.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function* enrolledField(
	tokens: Pick<Token, 'state' | 'app' | 'target' | 'deviceType'>[],
	f: 'target' | 'deviceType'
) {
	for (const t of tokens) if (isEnrolled(t) && t[f]) yield t[f]!;
}

/** Enrolled tokens by Target (the OS), most first. */
export function targetOsCounts(
	tokens: Pick<Token, 'state' | 'app' | 'target' | 'deviceType'>[]
): Count[] {
	return tally(enrolledField(tokens, 'target'));
}

/** Enrolled tokens by Device Type: the `top` most common, the rest summed as "Other". */
export function deviceTypeCounts(
	tokens: Pick<Token, 'state' | 'app' | 'target' | 'deviceType'>[],
	top = 8
): Count[] {
	const all = tally(enrolledField(tokens, 'deviceType'));
	if (all.length <= top) return all;
	const other = all.slice(top).reduce((n, c) => n + c.count, 0);
	return [...all.slice(0, top), { label: 'Other', count: other }];
}

/** The token state a detail names right before (side 'from') or right after (side 'to') an arrow. */
function stateBeside(text: string, side: 'from' | 'to'): TokenState | undefined {
	return TOKEN_STATES.find((s) =>
		side === 'from' ? text === s || text.endsWith(` ${s}`) : text === s || text.startsWith(`${s} `)
	);
}

/**
 * How an audit row changed the Inventory count: −1 when a token left it, +1 when one came back.
 * Provision rows carry the serial; token actions have a detail "From → To", possibly with words
 * around it ("Active → Inventory (migration clean-up: …)"); removing a user from a task returns
 * the token. Refused rows changed nothing.
 */
export function inventoryDelta(
	e: Pick<AuditEvent, 'action' | 'outcome' | 'serial' | 'detail'>
): number {
	if (e.outcome !== 'Success') return 0;
	if (e.action === AUDIT.provision) return e.serial ? -1 : 0;
	if (e.action === AUDIT.removeFromTask) return 1;
	if (!e.serial) return 0;
	const arrow = e.detail.indexOf(' → ');
	if (arrow < 0) return 0;
	const from = stateBeside(e.detail.slice(0, arrow), 'from');
	const to = stateBeside(e.detail.slice(arrow + 3), 'to');
	if (!from || !to) return 0;
	return (to === 'Inventory' ? 1 : 0) - (from === 'Inventory' ? 1 : 0);
}

export interface InventoryPoint {
	at: Instant;
	inventory: number;
}

/**
 * Inventory over time, rebuilt backwards from today's count through the audit trail (the seeded
 * world starts with no audit rows, so the first point is the world as it was built). One point
 * per instant at which the count changed; `audit` in any order.
 */
export function inventoryOverTime(
	currentInventory: number,
	audit: Pick<AuditEvent, 'at' | 'action' | 'outcome' | 'serial' | 'detail'>[],
	worldStart: Instant,
	now: Instant
): InventoryPoint[] {
	const changes = audit
		.map((e) => ({ at: e.at, delta: inventoryDelta(e) }))
		.filter((c) => c.delta !== 0)
		.sort((a, b) => a.at - b.at);
	let level = currentInventory - changes.reduce((n, c) => n + c.delta, 0);
	const points: InventoryPoint[] = [
		{ at: Math.min(worldStart, changes[0]?.at ?? worldStart), inventory: level }
	];
	for (const c of changes) {
		level += c.delta;
		const last = points[points.length - 1];
		if (last.at === c.at) last.inventory = level;
		else points.push({ at: c.at, inventory: level });
	}
	if (points[points.length - 1].at < now) points.push({ at: now, inventory: level });
	return points;
}
