/**
 * The world file's records described once, as valibot schemas: every table of a world, the
 * clock, the generator spec and the scenario runs. An imported file is checked row by row
 * against them before anything is written. Each field's schema carries the words a message
 * uses ("must be a serial number of 10 digits"); `recordProblems` turns valibot's issues into
 * messages that name the record and the field. The domain's own rules (domain/invariants) run
 * after these, on a file whose every record already has the right shape.
 */
import * as v from 'valibot';
import { EARLIEST, LATEST } from '$lib/domain/limits';
import { formatCount } from '$lib/domain/format';
import {
	DEVICE_TYPES,
	MOBILE_APPS,
	PUSH_OTP_STATES,
	TARGETS,
	TOKEN_STATES,
	type TableName
} from '$lib/domain/types';

/** The schema with one message for every way it can fail: the words after "must be". */
const named = <S extends v.GenericSchema>(name: string, schema: S) => v.message(schema, name);

// Unnamed building blocks: `named` gives each field its words, `orNull` adds " or null".
const TEXT = (max: number) => v.pipe(v.string(), v.maxLength(max));
const PATTERN = (re: RegExp) => v.pipe(v.string(), v.regex(re));
const WHOLE = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
/** Record keys: what the sandbox makes (seeded names, UUIDs, phone:enrollment). */
const ID = PATTERN(/^[\w.:@-]{1,128}$/);
const ID_NAME = 'an id (letters, digits, - _ . : @; 1 to 128)';
/** Sandbox choice: serial numbers are 10 digits. */
const SERIAL = PATTERN(/^\d{10}$/);
const SERIAL_NAME = 'a serial number of 10 digits';
const SECRET = PATTERN(/^[A-Z2-7]{16,128}=*$/);
/** Dates are bounded like domain/limits' plausibleInstant: 1e300 or -5 is no date. */
const INSTANT = v.pipe(v.number(), v.minValue(EARLIEST), v.maxValue(LATEST));
const INSTANT_NAME = 'a date between 2000 and 2100 (milliseconds since 1970)';

const text = (max: number) => named(`text of at most ${formatCount(max)} characters`, TEXT(max));
const str = text(200);
const id = named(ID_NAME, ID);
const serial = named(SERIAL_NAME, SERIAL);
const secret = named('a Base32 secret', SECRET);
const instant = named(INSTANT_NAME, INSTANT);
const count = (max: number) => named(`a whole number from 0 to ${max}`, WHOLE(max));
const bool = named('true or false', v.boolean());
const oneOf = <const T extends readonly (string | number)[]>(...values: T) =>
	named(`one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v.picklist(values));
const orNull = <S extends v.GenericSchema>(name: string, schema: S) =>
	named(`${name} or null`, v.nullable(schema));
/** A list of ids (a user's groups). */
const ids = named(`a list of at most 1000 ${ID_NAME}`, v.pipe(v.array(ID), v.maxLength(1000)));

const OS = oneOf('iOS', 'Android', 'Windows', 'macOS', 'BlackBerry');
const INTEGRATIONS = oneOf(
	'STA SAML',
	'SafeNet RADIUS',
	'AD FS agent',
	'Windows Logon agent',
	'NPS'
);
const TARGET_SETTING = v.strictObject({
	allowed: bool,
	app: oneOf(...MOBILE_APPS),
	push: bool
});

/** One schema per table of a world. Fields added after format 1 are `exactOptional`. */
export const ROW_SCHEMAS = {
	servers: v.strictObject({
		id,
		name: str,
		operator: str,
		pinPolicy: oneOf('None', 'Token PIN', 'Server PIN'),
		otpDigits: oneOf(6, 8),
		lockoutThreshold: count(100),
		enrollmentDays: count(3650),
		// A policy row per target; a server may have rows for some targets only.
		softwareTokens: v.exactOptional(
			named(
				`an object with some of ${TARGETS.join(', ')}, each allowed, app and push`,
				v.record(v.picklist(TARGETS), TARGET_SETTING)
			)
		)
	}),
	groups: v.strictObject({ id, serverId: id, name: str }),
	users: v.strictObject({
		id,
		serverId: id,
		userId: str,
		firstName: str,
		lastName: str,
		email: text(254),
		groupIds: ids
	}),
	phones: v.strictObject({
		id,
		ownerId: id,
		os: OS,
		osVersion: text(20),
		model: text(60),
		formFactor: oneOf(...DEVICE_TYPES),
		installed: v.strictObject({ mobilePass8: bool, mobilePassPlus: bool }),
		biometrics: v.exactOptional(bool),
		notifications: v.exactOptional(bool)
	}),
	applications: v.strictObject({
		id,
		serverId: id,
		name: str,
		integration: INTEGRATIONS,
		pushCapable: bool
	}),
	tokens: v.strictObject({
		serial,
		serverId: id,
		type: oneOf('MobilePASS'),
		state: oneOf(...TOKEN_STATES),
		userId: orNull(ID_NAME, ID),
		secret: orNull('a Base32 secret', SECRET),
		digits: oneOf(6, 8),
		// The domain keeps the period a number; STA's tokens use 30 or 60 seconds.
		period: named('one of 30, 60', v.pipe(v.number(), v.values([30, 60]))),
		app: orNull('one of "MobilePASS 8", "MobilePASS+"', v.picklist(MOBILE_APPS)),
		target: orNull(`one of ${TARGETS.join(', ')}`, v.picklist(TARGETS)),
		deviceType: orNull(`one of ${DEVICE_TYPES.join(', ')}`, v.picklist(DEVICE_TYPES)),
		pushOtp: orNull(`one of ${PUSH_OTP_STATES.join(', ')}`, v.picklist(PUSH_OTP_STATES)),
		provisionedAt: orNull(INSTANT_NAME, INSTANT),
		enrolledAt: orNull(INSTANT_NAME, INSTANT),
		lastUsedAt: orNull(INSTANT_NAME, INSTANT),
		failedCount: count(1000)
	}),
	tasks: v.strictObject({
		id,
		serverId: id,
		number: count(1e9),
		operator: str,
		startDate: instant,
		stopDate: instant
	}),
	enrollments: v.strictObject({
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
	}),
	appTokens: v.strictObject({
		id,
		phoneId: id,
		app: oneOf(...MOBILE_APPS),
		// A third-party otpauth:// card has no STA serial: it carries its own id there.
		serial: named(`${SERIAL_NAME} (a third-party token: its id)`, ID),
		secret,
		digits: oneOf(6, 8),
		period: named('a period of 1 to 3600 seconds', v.pipe(WHOLE(3600), v.minValue(1))),
		label: str,
		enrolledAt: instant,
		autosend: bool,
		pin: orNull('a PIN of 4 to 8 digits', PATTERN(/^\d{4,8}$/)),
		pinFailures: v.exactOptional(count(100)),
		issuer: v.exactOptional(text(200))
	}),
	mail: v.strictObject({
		id,
		userId: id,
		from: str,
		subject: str,
		body: text(10_000),
		enrollmentCode: orNull(ID_NAME, ID),
		expiresAt: orNull(INSTANT_NAME, INSTANT),
		receivedAt: instant,
		read: bool
	}),
	pushRequests: v.strictObject({
		id,
		serverId: id,
		userId: id,
		serial,
		applicationId: id,
		location: str,
		createdAt: instant,
		expiresAt: instant,
		status: oneOf('Pending', 'Approved', 'Denied', 'Reported', 'Expired')
	}),
	audit: v.strictObject({
		id: count(1e12),
		serverId: id,
		at: instant,
		operator: str,
		action: str,
		target: text(1_000),
		serial: orNull('text of at most 1,000 characters', TEXT(1_000)),
		user: orNull('text of at most 1,000 characters', TEXT(1_000)),
		outcome: oneOf('Success', 'Refused'),
		detail: text(100_000)
	})
} satisfies Record<TableName, v.GenericSchema>;

/** What the world was built from: a seed and the user count of the generator (1 to 10,000). */
export const SPEC_SCHEMA = v.strictObject({ seed: str, users: count(10_000) });
/** realAt is replaced on import (the clock is anchored at that moment), so any number does. */
export const CLOCK_SCHEMA = v.strictObject({
	simAt: instant,
	realAt: named('a number', v.pipe(v.number(), v.finite())),
	paused: bool
});
export const RUN_SCHEMA = v.strictObject({
	scenarioId: str,
	startedAt: instant,
	startedSimAt: instant,
	steps: named(
		'a list of at most 200 steps',
		v.pipe(
			v.array(
				v.strictObject({
					stepId: str,
					how: oneOf('checked', 'skipped'),
					at: instant,
					simAt: instant
				})
			),
			v.maxLength(200)
		)
	),
	finishedAt: orNull(INSTANT_NAME, INSTANT),
	finishedSimAt: orNull(INSTANT_NAME, INSTANT)
});

/** The world file's generator spec, as the schema reads it. */
export type WorldSpec = v.InferOutput<typeof SPEC_SCHEMA>;

/**
 * Problems with one record, each naming it and the field: a missing or mistyped field, or a
 * field the format does not know (valibot reads own keys only, so "__proto__" or
 * "constructor" in a file is an unknown field, never something every object inherits).
 */
export function recordProblems(
	row: unknown,
	schema: v.GenericSchema,
	where: string,
	out: string[]
) {
	if (!row || typeof row !== 'object' || Array.isArray(row)) {
		out.push(`${where} is not an object.`);
		return;
	}
	const result = v.safeParse(schema, row);
	if (!result.success) for (const issue of result.issues) out.push(describe(issue, where));
}

function describe(issue: v.BaseIssue<unknown>, where: string): string {
	const path = issue.path ?? [];
	const last = path.at(-1);
	const field = path.map((p) => String(p.key)).join('.');
	// strictObject's own issues are about keys: one it does not know, or one that is missing.
	if (issue.type === 'strict_object' && last?.origin === 'key')
		return issue.expected === 'never'
			? `${where}: unknown field ${JSON.stringify(String(last.key).slice(0, 40))}.`
			: `${where}: "${field}" is missing.`;
	return `${where}: "${field}" must be ${issue.message}.`;
}
