/**
 * The messages a parent page may send to an embedded sandbox (docs/embedding.md), described as
 * valibot schemas, and their parser. Loaded with the embed's bridge only (see ./protocol).
 */
import * as v from 'valibot';
import { isRecord, PROTOCOL, PROTOCOL_VERSION, short, THEMES } from './protocol';

// The same rule as protocol's isStep (URL parameters), as a schema.
const STEP = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

/** Every incoming message: our protocol and version, and its type. */
const head = <T extends string>(type: T) => ({
	protocol: v.literal(PROTOCOL),
	version: v.literal(PROTOCOL_VERSION),
	type: v.literal(type)
});
/**
 * The messages the parent page may send to the embed, by type: exactly these fields. Each
 * field's schema carries the reason given when it is wrong.
 */
const IN_SCHEMAS = {
	reset: v.strictObject(head('reset')),
	goToStep: v.strictObject({
		...head('goToStep'),
		step: v.message(STEP, 'goToStep needs a step number from 1')
	}),
	loadScenario: v.strictObject({
		...head('loadScenario'),
		scenario: v.message(v.pipe(v.string(), v.minLength(1)), 'loadScenario needs a scenario id'),
		step: v.exactOptional(v.message(STEP, 'loadScenario step must be a number from 1'))
	}),
	setTheme: v.strictObject({
		...head('setTheme'),
		theme: v.message(v.picklist(THEMES), 'setTheme needs light or dark')
	})
};
type InType = keyof typeof IN_SCHEMAS;

/** Messages the parent page may send to the embed, as their schemas read them. */
export type InMessage = {
	[T in InType]: Omit<v.InferOutput<(typeof IN_SCHEMAS)[T]>, 'protocol' | 'version'>;
}[InType];

export type Parsed =
	{ ok: true; message: InMessage } | { ok: false; ours: boolean; reason: string };

const own = (o: Record<string, unknown>, key: string) =>
	Object.hasOwn(o, key) ? o[key] : undefined;

/**
 * Checks a message from the parent page. Anything not exactly of the API is refused: another
 * protocol or version, an unknown type, a missing, wrong or extra field. `ours` says whether it
 * claimed our protocol (then the host hears a `bad-message` error; other pages' traffic is
 * ignored silently).
 */
export function parseInMessage(data: unknown): Parsed {
	if (!isRecord(data) || own(data, 'protocol') !== PROTOCOL)
		return { ok: false, ours: false, reason: 'not ours' };
	const bad = (reason: string): Parsed => ({ ok: false, ours: true, reason });
	const version = own(data, 'version');
	if (version !== PROTOCOL_VERSION) return bad(`unsupported version ${short(version)}`);
	const type = own(data, 'type');
	if (typeof type !== 'string' || !Object.hasOwn(IN_SCHEMAS, type))
		return bad(`unknown message type ${short(type)}`);
	const result = v.safeParse(IN_SCHEMAS[type as InType], data);
	if (result.success) {
		// The message without its envelope (the schema's output holds only the known fields).
		const message = Object.fromEntries(
			Object.entries(result.output).filter(([k]) => k !== 'protocol' && k !== 'version')
		);
		return { ok: true, message: message as InMessage };
	}
	// An extra field is named first: it says the most about a message from another API version.
	const issues = result.issues;
	const issue =
		issues.find((i) => i.type === 'strict_object' && i.expected === 'never') ?? issues[0];
	const key = issue.path?.at(-1)?.key;
	if (issue.type !== 'strict_object') return bad(issue.message);
	return issue.expected === 'never'
		? bad(`${type} has no field ${short(key)}`)
		: bad(`${type} needs ${short(key)}`);
}
