/**
 * The rules a world must keep whatever sequence of actions led to it, as one pure checker. The
 * model-based tests run it after every step, and world file import runs it on every file, so a
 * rule lives here once. Each broken rule comes back with the record it concerns.
 */
import { enrollmentStatus } from './provisioning';
import { allocation, countByState } from './snapshot';
import type { AppToken, Instant, Token, World } from './types';

export const RULES = {
	tokenFields: 'A token’s fields agree with its state',
	pushOtp: 'Push OTP is Not Applicable exactly for MobilePASS 8',
	references: 'Records refer to records that exist',
	openEnrollment: 'At most one open enrollment per user and per token, on an Assigned token',
	appTokens: 'A phone holds a token only as it was enrolled on that phone',
	allocation: 'Maximum = In Use + Available, and Maximum counts every token',
	enrollmentFixed: 'Push OTP, app, Target and Device Type are set at enrollment only',
	cards: 'A token card leaves a phone only with its app',
	audit: 'Each command leaves its audit rows, a refusal exactly one and nothing else',
	clock: 'The simulated clock never goes backwards'
} as const;
export type Rule = keyof typeof RULES;

export interface Violation {
	rule: Rule;
	/** The record concerned, as `table key`, e.g. `tokens 1234567890`. */
	record: string;
	message: string;
}

const ENROLLMENT_FIELDS = ['app', 'target', 'deviceType', 'pushOtp', 'enrolledAt'] as const;
const ENROLLED = new Set(['Active', 'Suspended', 'Locked']);

/** What a token in each state must and must not carry (the lifecycle table of domain.md). */
function tokenFieldProblems(t: Token): string[] {
	const out: string[] = [];
	const set = (k: keyof Token) => t[k] !== null && t[k] !== undefined;
	if (t.state === 'Inventory' || t.state === 'Lost/Faulty') {
		if (set('userId')) out.push(`${t.state} but names user ${t.userId}`);
		if (set('secret')) out.push(`${t.state} but keeps a secret`);
		for (const k of [...ENROLLMENT_FIELDS, 'provisionedAt', 'lastUsedAt'] as const)
			if (set(k)) out.push(`${t.state} but carries ${k}`);
		if (t.failedCount !== 0) out.push(`${t.state} but has ${t.failedCount} failed sign-ins`);
	} else if (t.state === 'Assigned') {
		if (!set('userId')) out.push('Assigned but names no user');
		if (!set('secret')) out.push('Assigned but has no secret');
		for (const k of ENROLLMENT_FIELDS) if (set(k)) out.push(`Assigned but carries ${k}`);
	} else {
		if (!set('userId')) out.push(`${t.state} but names no user`);
		if (!set('secret')) out.push(`${t.state} but has no secret`);
		for (const k of ENROLLMENT_FIELDS) if (!set(k)) out.push(`${t.state} but has no ${k}`);
	}
	return out;
}

/**
 * Every rule that one world, read at simulated time `now`, must satisfy. Stops after `limit`
 * violations (a world file import names only the first few).
 */
export function checkWorld(world: World, now: Instant, limit = Infinity): Violation[] {
	const out: Violation[] = [];
	const add = (rule: Rule, record: string, message: string) => {
		if (out.length < limit) out.push({ rule, record, message });
	};
	const ids = <T>(rows: T[], key: (r: T) => string) => new Set(rows.map(key));
	const servers = ids(world.servers, (s) => s.id);
	const users = new Map(world.users.map((u) => [u.id, u]));
	const groups = ids(world.groups, (g) => g.id);
	const phones = new Map(world.phones.map((p) => [p.id, p]));
	const tokens = new Map(world.tokens.map((t) => [t.serial, t]));
	const tasks = new Map(world.tasks.map((t) => [t.id, t]));
	const apps = ids(world.applications, (a) => a.id);

	const ref = (record: string, what: string, id: string | null, exists: boolean) => {
		if (id !== null && !exists) add('references', record, `${what} ${id} does not exist`);
	};
	for (const g of world.groups)
		ref(`groups ${g.id}`, 'virtual server', g.serverId, servers.has(g.serverId));
	for (const a of world.applications)
		ref(`applications ${a.id}`, 'virtual server', a.serverId, servers.has(a.serverId));
	for (const u of world.users) {
		ref(`users ${u.id}`, 'virtual server', u.serverId, servers.has(u.serverId));
		for (const g of u.groupIds) ref(`users ${u.id}`, 'group', g, groups.has(g));
	}
	for (const p of world.phones) ref(`phones ${p.id}`, 'owner', p.ownerId, users.has(p.ownerId));
	for (const t of world.tasks)
		ref(`tasks ${t.id}`, 'virtual server', t.serverId, servers.has(t.serverId));
	for (const m of world.mail) ref(`mail ${m.id}`, 'user', m.userId, users.has(m.userId));
	for (const r of world.pushRequests) {
		const rec = `pushRequests ${r.id}`;
		ref(rec, 'user', r.userId, users.has(r.userId));
		ref(rec, 'token', r.serial, tokens.has(r.serial));
		ref(rec, 'application', r.applicationId, apps.has(r.applicationId));
	}

	for (const t of world.tokens) {
		const rec = `tokens ${t.serial}`;
		ref(rec, 'virtual server', t.serverId, servers.has(t.serverId));
		for (const p of tokenFieldProblems(t)) add('tokenFields', rec, p);
		const owner = t.userId ? users.get(t.userId) : undefined;
		if (t.userId && !owner) add('references', rec, `user ${t.userId} does not exist`);
		else if (owner && owner.serverId !== t.serverId)
			add('references', rec, `assigned to ${owner.id} of another virtual server`);
		if (t.app && (t.pushOtp === 'Not Applicable') !== (t.app === 'MobilePASS 8'))
			add('pushOtp', rec, `${t.app} token with Push OTP ${t.pushOtp}`);
	}

	const openByUser = new Map<string, string>();
	const openBySerial = new Map<string, string>();
	for (const e of world.enrollments) {
		const rec = `enrollments ${e.id}`;
		const task = tasks.get(e.taskId);
		const token = tokens.get(e.serial);
		ref(rec, 'provisioning task', e.taskId, !!task);
		ref(rec, 'user', e.userId, users.has(e.userId));
		ref(rec, 'token', e.serial, !!token);
		ref(rec, 'virtual server', e.serverId, servers.has(e.serverId));
		if (!task || enrollmentStatus(e, task, now) !== 'Active') continue;
		for (const [map, key, what] of [
			[openByUser, e.userId, 'user'],
			[openBySerial, e.serial, 'token']
		] as const) {
			if (map.has(key))
				add('openEnrollment', rec, `a second open enrollment for ${what} ${key} (${map.get(key)})`);
			map.set(key, e.id);
		}
		if (token && (token.state !== 'Assigned' || token.userId !== e.userId))
			add(
				'openEnrollment',
				rec,
				`open, but token ${e.serial} is ${token.state} (user ${token.userId})`
			);
	}

	for (const a of world.appTokens) appTokenProblems(a, phones, tokens, users, add);

	for (const s of world.servers) {
		const mine = world.tokens.filter((t) => t.serverId === s.id);
		const a = allocation(countByState(mine));
		if (a.maximum !== a.inUse + a.available || a.maximum !== mine.length)
			add(
				'allocation',
				`servers ${s.id}`,
				`Maximum ${a.maximum}, In Use ${a.inUse}, Available ${a.available}, ${mine.length} tokens`
			);
	}
	return out;
}

function appTokenProblems(
	a: AppToken,
	phones: Map<string, World['phones'][number]>,
	tokens: Map<string, Token>,
	users: Map<string, World['users'][number]>,
	add: (rule: Rule, record: string, message: string) => void
) {
	const rec = `appTokens ${a.id}`;
	const phone = phones.get(a.phoneId);
	if (!phone) return add('references', rec, `phone ${a.phoneId} does not exist`);
	// A third-party otpauth:// token (it has an issuer) is no STA token: only the app must be there.
	if (a.issuer !== undefined) {
		if (!phone.installed.mobilePassPlus)
			add('appTokens', rec, `third-party token on ${phone.id} without MobilePASS+`);
		return;
	}
	const token = tokens.get(a.serial);
	if (!token) return add('references', rec, `token ${a.serial} does not exist`);
	const installed =
		a.app === 'MobilePASS+' ? phone.installed.mobilePassPlus : phone.installed.mobilePass8;
	if (!installed) add('appTokens', rec, `held by ${a.app}, which is not installed on ${phone.id}`);
	// The card keeps its secret after a revoke; while the token still has that secret, the card is
	// this enrollment: the token's user owns the phone and the token records this app.
	if (token.secret === a.secret && ENROLLED.has(token.state)) {
		if (token.userId !== phone.ownerId || !users.has(phone.ownerId))
			add(
				'appTokens',
				rec,
				`token ${a.serial} belongs to ${token.userId}, the phone to ${phone.ownerId}`
			);
		if (token.app !== a.app)
			add(
				'appTokens',
				rec,
				`token ${a.serial} was enrolled in ${token.app}, the card is in ${a.app}`
			);
	}
}

/** A world with the simulated time it was read at: one step of a sequence of actions. */
export interface Moment {
	world: World;
	now: Instant;
}

/**
 * Rules between two consecutive moments of one timeline (a world file import or a reset starts a
 * new timeline, so the caller does not compare across one).
 */
export function checkStep(before: Moment, after: Moment): Violation[] {
	const out: Violation[] = [];
	if (after.now < before.now)
		out.push({
			rule: 'clock',
			record: 'meta clock',
			message: `went back from ${before.now} to ${after.now}`
		});
	const was = new Map(before.world.tokens.map((t) => [t.serial, t]));
	for (const t of after.world.tokens) {
		const old = was.get(t.serial);
		// Same enrollment (same enrolledAt): what it recorded never changes afterwards.
		if (!old || old.enrolledAt === null || old.enrolledAt !== t.enrolledAt) continue;
		for (const k of ['app', 'target', 'deviceType', 'pushOtp'] as const)
			if (old[k] !== t[k])
				out.push({
					rule: 'enrollmentFixed',
					record: `tokens ${t.serial}`,
					message: `${k} changed from ${old[k]} to ${t[k]} after enrollment`
				});
	}
	const phonesAfter = new Map(after.world.phones.map((p) => [p.id, p]));
	const cards = new Map(after.world.appTokens.map((a) => [a.id, a]));
	for (const a of before.world.appTokens) {
		const now = cards.get(a.id);
		const phone = phonesAfter.get(a.phoneId);
		const appGone =
			!phone ||
			!(a.app === 'MobilePASS+' ? phone.installed.mobilePassPlus : phone.installed.mobilePass8);
		const same = now && now.serial === a.serial && now.secret === a.secret && now.app === a.app;
		if (!same && !appGone)
			out.push({
				rule: 'cards',
				record: `appTokens ${a.id}`,
				message: now
					? `the ${a.app} card of token ${a.serial} was replaced by a ${now.app} card`
					: `the ${a.app} card of token ${a.serial} disappeared while ${a.app} stays installed`
			});
	}
	return out;
}

/** Plain-text lines for a list of violations: `rule — record: message`. */
export function describeViolations(violations: Violation[]): string[] {
	return violations.map((v) => `${RULES[v.rule]} — ${v.record}: ${v.message}.`);
}

/** How a command is audited: by an audit row, or not at all (phone-local settings, the clock). */
export type AuditKind = 'audited' | 'local';

/** Tables a counted refusal may change (a wrong passcode or activation string, an expired push). */
const COUNTED = new Set(['tokens', 'enrollments', 'pushRequests']);

/**
 * The audit rule for one command: accepted, it leaves its Success rows (one per record acted
 * on: a provisioning of three users leaves three; phone-local settings leave none, as the
 * operator never sees them); refused, whatever its kind, it leaves one Refused row and changes
 * nothing else, except a counted refusal, which may also record the failed attempt (and a lock
 * that follows).
 */
export function checkAudit(
	before: World,
	after: World,
	result: { ok: boolean },
	kind: AuditKind
): Violation[] {
	const seen = new Set(before.audit.map((a) => a.id));
	const rows = after.audit.filter((a) => !seen.has(a.id));
	const changed = (Object.keys(after) as (keyof World)[]).filter(
		(t) =>
			t !== 'audit' &&
			before[t] !== after[t] &&
			JSON.stringify(before[t]) !== JSON.stringify(after[t])
	);
	const v = (message: string): Violation[] => [{ rule: 'audit', record: 'audit', message }];
	const kept = new Set(after.audit.map((a) => a.id));
	if (before.audit.some((a) => !kept.has(a.id))) return v('an audit row was removed');
	if (result.ok && kind === 'local')
		return rows.length ? v(`a phone-local change left ${rows.length} audit row(s)`) : [];
	if (result.ok) {
		if (!rows.length) return v(`accepted, but no audit row (changed ${changed.join(', ')})`);
		if (rows.some((r) => r.outcome !== 'Success')) return v('accepted, but a row says Refused');
		return [];
	}
	if (!rows.length || rows[0].outcome !== 'Refused') return v('refused, but no Refused row');
	if (!changed.length) return rows.length === 1 ? [] : v(`refused, but ${rows.length} audit rows`);
	const stray = changed.filter((t) => !COUNTED.has(t));
	return stray.length ? v(`refused, but changed ${stray.join(', ')}`) : [];
}
