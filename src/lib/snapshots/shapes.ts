/**
 * Hand-written validators for every table of a world, so that an imported file is checked row by
 * row before anything is written. A field spec is a small predicate with a name for messages.
 */
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
}

const str: Field = { name: 'text', ok: (v) => typeof v === 'string' };
const num: Field = { name: 'a number', ok: (v) => typeof v === 'number' && Number.isFinite(v) };
const int: Field = { name: 'a whole number', ok: (v) => Number.isInteger(v) };
const bool: Field = { name: 'true or false', ok: (v) => typeof v === 'boolean' };
const oneOf = (...values: readonly unknown[]): Field => ({
	name: `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
	ok: (v) => values.includes(v)
});
const nullable = (f: Field): Field => ({
	name: `${f.name} or null`,
	ok: (v) => v === null || f.ok(v)
});
const listOf = (f: Field): Field => ({
	name: `a list of ${f.name}`,
	ok: (v) => Array.isArray(v) && v.every(f.ok)
});
const shape = (fields: Record<string, Field>): Field => ({
	name: `an object with ${Object.keys(fields).join(', ')}`,
	ok: (v) =>
		!!v &&
		typeof v === 'object' &&
		Object.entries(fields).every(([k, f]) => f.ok((v as Record<string, unknown>)[k]))
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
		id: str,
		name: str,
		operator: str,
		pinPolicy: oneOf('None', 'Token PIN', 'Server PIN'),
		otpDigits: oneOf(6, 8),
		lockoutThreshold: int,
		enrollmentDays: int
	},
	groups: { id: str, serverId: str, name: str },
	users: {
		id: str,
		serverId: str,
		userId: str,
		firstName: str,
		lastName: str,
		email: str,
		groupIds: listOf(str)
	},
	phones: {
		id: str,
		ownerId: str,
		os: OS,
		osVersion: str,
		model: str,
		formFactor: oneOf(...DEVICE_TYPES),
		installed: shape({ mobilePass8: bool, mobilePassPlus: bool })
	},
	applications: { id: str, serverId: str, name: str, integration: INTEGRATIONS, pushCapable: bool },
	tokens: {
		serial: str,
		serverId: str,
		type: oneOf('MobilePASS'),
		state: oneOf(...TOKEN_STATES),
		userId: nullable(str),
		secret: nullable(str),
		digits: oneOf(6, 8),
		period: int,
		app: nullable(oneOf(...MOBILE_APPS)),
		target: nullable(oneOf(...TARGETS)),
		deviceType: nullable(oneOf(...DEVICE_TYPES)),
		pushOtp: nullable(oneOf(...PUSH_OTP_STATES)),
		provisionedAt: nullable(num),
		enrolledAt: nullable(num),
		lastUsedAt: nullable(num),
		failedCount: int
	},
	tasks: { id: str, serverId: str, number: int, operator: str, startDate: num, stopDate: num },
	enrollments: {
		id: str,
		taskId: str,
		serverId: str,
		userId: str,
		email: str,
		serial: str,
		status: oneOf('Active', 'Enrolled', 'Completed', 'Locked', 'Expired', 'Removed'),
		failedAttempts: int,
		code: str,
		activationString: str
	},
	appTokens: {
		id: str,
		phoneId: str,
		app: oneOf(...MOBILE_APPS),
		serial: str,
		secret: str,
		digits: oneOf(6, 8),
		period: int,
		label: str,
		enrolledAt: num,
		autosend: bool,
		pin: nullable(str)
	},
	mail: {
		id: str,
		userId: str,
		from: str,
		subject: str,
		body: str,
		enrollmentCode: nullable(str),
		expiresAt: nullable(num),
		receivedAt: num,
		read: bool
	},
	pushRequests: {
		id: str,
		serverId: str,
		userId: str,
		serial: str,
		applicationId: str,
		location: str,
		createdAt: num,
		expiresAt: num,
		status: oneOf('Pending', 'Approved', 'Denied', 'Reported', 'Expired')
	},
	audit: {
		id: int,
		serverId: str,
		at: num,
		operator: str,
		action: str,
		target: str,
		serial: nullable(str),
		user: nullable(str),
		outcome: oneOf('Success', 'Refused'),
		detail: str
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

export const CLOCK_SHAPE = { simAt: num, realAt: num, paused: bool };
export const RUN_SHAPE = {
	scenarioId: str,
	startedAt: num,
	startedSimAt: num,
	steps: listOf(shape({ stepId: str, how: oneOf('checked', 'skipped'), at: num, simAt: num })),
	finishedAt: nullable(num),
	finishedSimAt: nullable(num)
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
	for (const [key, f] of Object.entries(fields))
		if (!(key in r)) out.push(`${where}: "${key}" is missing.`);
		else if (!f.ok(r[key])) out.push(`${where}: "${key}" must be ${f.name}.`);
	for (const key of Object.keys(r))
		if (!(key in fields)) out.push(`${where}: unknown field "${key}".`);
}
