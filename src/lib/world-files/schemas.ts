/**
 * Hand-written validators for every table of a world, so that an imported file is checked row by
 * row before anything is written. A field spec is a small predicate with a name for messages.
 */
import { plausibleInstant } from '$lib/domain/limits';
import {
	DEVICE_TYPES,
	MOBILE_APPS,
	PUSH_OTP_STATES,
	TARGETS,
	TOKEN_STATES,
	type TableName
} from '$lib/domain/types';

export interface Field {
	name: string;
	ok: (v: unknown) => boolean;
	/** A field a record may leave out (added after the format's first version). */
	optional?: boolean;
}

/** Text of at most `max` characters (most fields are names and labels a person reads). */
const text = (max: number): Field => ({
	name: `text of at most ${max.toLocaleString('en-US')} characters`,
	ok: (v) => typeof v === 'string' && v.length <= max
});
const str = text(200);
const pattern = (name: string, re: RegExp): Field => ({
	name,
	ok: (v) => typeof v === 'string' && re.test(v)
});
/** Record keys: what the sandbox makes (seeded names, UUIDs, phone:enrollment). */
const id = pattern('an id (letters, digits, - _ . : @; 1 to 128)', /^[\w.:@-]{1,128}$/);
/** Sandbox choice: serial numbers are 10 digits. */
const serial = pattern('a serial number of 10 digits', /^\d{10}$/);
const secret = pattern('a Base32 secret', /^[A-Z2-7]{16,128}=*$/);
const num: Field = { name: 'a number', ok: (v) => typeof v === 'number' && Number.isFinite(v) };
const instant: Field = {
	name: 'a date between 2000 and 2100 (milliseconds since 1970)',
	ok: plausibleInstant
};
const count = (max: number): Field => ({
	name: `a whole number from 0 to ${max}`,
	ok: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max
});
const bool: Field = { name: 'true or false', ok: (v) => typeof v === 'boolean' };
const oneOf = (...values: readonly unknown[]): Field => ({
	name: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
	ok: (v) => values.includes(v)
});
const nullable = (f: Field): Field => ({
	name: `${f.name} or null`,
	ok: (v) => v === null || f.ok(v)
});
const listOf = (f: Field, max = 1000): Field => ({
	name: `a list of at most ${max} ${f.name}`,
	ok: (v) => Array.isArray(v) && v.length <= max && v.every(f.ok)
});
const optional = (f: Field): Field => ({ ...f, optional: true });
/** An object whose keys are some of `keys`, each value of `f` (a policy row per target). */
const someOf = (keys: readonly string[], f: Field): Field => ({
	name: `an object with some of ${keys.join(', ')}, each ${f.name}`,
	ok: (v) =>
		!!v &&
		typeof v === 'object' &&
		!Array.isArray(v) &&
		Object.entries(v).every(([k, x]) => keys.includes(k) && f.ok(x))
});
const shape = (fields: Record<string, Field>): Field => ({
	name: `an object with ${Object.keys(fields).join(', ')}`,
	ok: (v) =>
		!!v &&
		typeof v === 'object' &&
		Object.keys(v).length === Object.keys(fields).length &&
		Object.entries(fields).every(
			([k, f]) => Object.hasOwn(v, k) && f.ok((v as Record<string, unknown>)[k])
		)
});

const OS = oneOf('iOS', 'Android', 'Windows', 'macOS', 'BlackBerry');
const INTEGRATIONS = oneOf(
	'STA SAML',
	'SafeNet RADIUS',
	'AD FS agent',
	'Windows Logon agent',
	'NPS'
);

export const ROW_SHAPES: Record<TableName, Record<string, Field>> = {
	servers: {
		id,
		name: str,
		operator: str,
		pinPolicy: oneOf('None', 'Token PIN', 'Server PIN'),
		otpDigits: oneOf(6, 8),
		lockoutThreshold: count(100),
		enrollmentDays: count(3650),
		softwareTokens: optional(
			someOf(TARGETS, shape({ allowed: bool, app: oneOf(...MOBILE_APPS), push: bool }))
		)
	},
	groups: { id, serverId: id, name: str },
	users: {
		id,
		serverId: id,
		userId: str,
		firstName: str,
		lastName: str,
		email: text(254),
		groupIds: listOf(id)
	},
	phones: {
		id,
		ownerId: id,
		os: OS,
		osVersion: text(20),
		model: text(60),
		formFactor: oneOf(...DEVICE_TYPES),
		installed: shape({ mobilePass8: bool, mobilePassPlus: bool }),
		biometrics: optional(bool),
		notifications: optional(bool)
	},
	applications: { id, serverId: id, name: str, integration: INTEGRATIONS, pushCapable: bool },
	tokens: {
		serial,
		serverId: id,
		type: oneOf('MobilePASS'),
		state: oneOf(...TOKEN_STATES),
		userId: nullable(id),
		secret: nullable(secret),
		digits: oneOf(6, 8),
		period: oneOf(30, 60),
		app: nullable(oneOf(...MOBILE_APPS)),
		target: nullable(oneOf(...TARGETS)),
		deviceType: nullable(oneOf(...DEVICE_TYPES)),
		pushOtp: nullable(oneOf(...PUSH_OTP_STATES)),
		provisionedAt: nullable(instant),
		enrolledAt: nullable(instant),
		lastUsedAt: nullable(instant),
		failedCount: count(1000)
	},
	tasks: {
		id,
		serverId: id,
		number: count(1e9),
		operator: str,
		startDate: instant,
		stopDate: instant
	},
	enrollments: {
		id,
		taskId: id,
		serverId: id,
		userId: id,
		email: text(254),
		serial,
		status: oneOf('Active', 'Enrolled', 'Completed', 'Locked', 'Expired', 'Removed'),
		failedAttempts: count(1000),
		code: id,
		activationString: text(64)
	},
	appTokens: {
		id,
		phoneId: id,
		app: oneOf(...MOBILE_APPS),
		// A third-party otpauth:// card has no STA serial: it carries its own id there.
		serial: { name: `${serial.name} (a third-party token: its id)`, ok: id.ok },
		secret,
		digits: oneOf(6, 8),
		period: { name: 'a period of 1 to 3600 seconds', ok: (v) => count(3600).ok(v) && v !== 0 },
		label: str,
		enrolledAt: instant,
		autosend: bool,
		pin: nullable(pattern('a PIN of 4 to 8 digits', /^\d{4,8}$/)),
		pinFailures: optional(count(100)),
		issuer: optional(text(200))
	},
	mail: {
		id,
		userId: id,
		from: str,
		subject: str,
		body: text(10_000),
		enrollmentCode: nullable(id),
		expiresAt: nullable(instant),
		receivedAt: instant,
		read: bool
	},
	pushRequests: {
		id,
		serverId: id,
		userId: id,
		serial,
		applicationId: id,
		location: str,
		createdAt: instant,
		expiresAt: instant,
		status: oneOf('Pending', 'Approved', 'Denied', 'Reported', 'Expired')
	},
	audit: {
		id: count(1e12),
		serverId: id,
		at: instant,
		operator: str,
		action: str,
		target: text(1_000),
		serial: nullable(text(1_000)),
		user: nullable(text(1_000)),
		outcome: oneOf('Success', 'Refused'),
		detail: text(100_000)
	}
};

/** Primary key of each table, checked for duplicates before import. */
export const KEYS: Record<TableName, string> = {
	servers: 'id',
	groups: 'id',
	users: 'id',
	phones: 'id',
	applications: 'id',
	tokens: 'serial',
	tasks: 'id',
	enrollments: 'id',
	appTokens: 'id',
	mail: 'id',
	pushRequests: 'id',
	audit: 'id'
};

/** What the world was built from: a seed and the user count of the generator (1 to 10,000). */
export const SPEC_SHAPE = { seed: str, users: count(10_000) };
/** realAt is replaced on import (the clock is anchored at that moment), so any number does. */
export const CLOCK_SHAPE = { simAt: instant, realAt: num, paused: bool };
export const RUN_SHAPE = {
	scenarioId: str,
	startedAt: instant,
	startedSimAt: instant,
	steps: listOf(
		shape({ stepId: str, how: oneOf('checked', 'skipped'), at: instant, simAt: instant }),
		200
	),
	finishedAt: nullable(instant),
	finishedSimAt: nullable(instant)
};

/** Problems with one record: missing or mistyped fields, and fields the format does not know. */
export function checkRecord(
	row: unknown,
	fields: Record<string, Field>,
	where: string,
	out: string[]
) {
	if (!row || typeof row !== 'object' || Array.isArray(row)) {
		out.push(`${where} is not an object.`);
		return;
	}
	const r = row as Record<string, unknown>;
	// Own properties only: "constructor" or "__proto__" in a file are unknown fields, not
	// something every object inherits.
	for (const [key, f] of Object.entries(fields))
		if (!Object.hasOwn(r, key)) {
			if (!f.optional) out.push(`${where}: "${key}" is missing.`);
		} else if (!f.ok(r[key])) out.push(`${where}: "${key}" must be ${f.name}.`);
	for (const key of Object.keys(r))
		if (!Object.hasOwn(fields, key))
			out.push(`${where}: unknown field ${JSON.stringify(key.slice(0, 40))}.`);
}
