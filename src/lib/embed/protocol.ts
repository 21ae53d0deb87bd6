/**
 * The postMessage API between an embedded sandbox and the documentation page around it
 * (docs/embedding.md). Every message carries `protocol` and `version`; a page written for
 * version 1 keeps working as long as version stays 1 (new optional fields may appear in what
 * the sandbox sends, never changed ones).
 */
import * as v from 'valibot';

export const PROTOCOL = 'sta-token-sandbox';
export const PROTOCOL_VERSION = 1;

export const PANELS = ['console', 'phone', 'both'] as const;
export type Panel = (typeof PANELS)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Stable codes of the `error` message: a host may branch on them. */
export const ERROR_CODES = [
	'unknown-scenario',
	'bad-step',
	'bad-message',
	'storage-unavailable',
	'failed'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Messages the embed sends to the parent page. Steps are numbered from 1; a free sandbox (no
 * scenario) reports `scenario: null, step: null, steps: 0`.
 */
export type OutMessage =
	| { type: 'ready'; scenario: string | null; step: number | null; steps: number }
	| { type: 'step-completed'; scenario: string; step: number; stepId: string; instruction: string }
	| { type: 'scenario-completed'; scenario: string; seconds: number }
	| { type: 'resize'; height: number }
	| { type: 'error'; code: ErrorCode; message: string };

/** A step number: counted from 1. */
const STEP = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const isStep = (x: unknown): x is number => v.is(STEP, x);

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

export type Envelope<M> = M & { protocol: typeof PROTOCOL; version: typeof PROTOCOL_VERSION };

export function envelope<M extends OutMessage>(message: M): Envelope<M> {
	return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...message };
}

export type Parsed =
	{ ok: true; message: InMessage } | { ok: false; ours: boolean; reason: string };

/** A plain object (what postMessage's structured clone gives), never an array or a class. */
const isRecord = (x: unknown): x is Record<string, unknown> => {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const proto = Object.getPrototypeOf(x);
	return proto === Object.prototype || proto === null;
};
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

/** A value as a short, printable quote: reasons and notices stay bounded whatever comes in. */
export function short(value: unknown, max = 40): string {
	// Never String() an object: a posted `{ toString: {} }` makes that throw.
	const text =
		typeof value === 'string'
			? value
			: typeof value === 'object' && value !== null
				? Array.isArray(value)
					? 'an array'
					: 'an object'
				: String(value);
	return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/** An origin is allowed when it is the sandbox's own or listed, exactly, in the configuration. */
export function isAllowedOrigin(origin: string, allowed: readonly string[], own: string): boolean {
	if (!origin || origin === 'null') return false;
	return origin === own || allowed.includes(origin);
}

export interface EmbedSettings {
	scenario: string | null;
	panel: Panel;
	/** 1-based step to start at, when given. */
	step: number | null;
	theme: Theme | null;
	/** Names this embed's own world; defaults to the scenario. */
	world: string;
}

/** The `id` rules (docs/embedding.md): letters, digits, `-` and `_` are kept, the first 64. */
export function worldName(id: string): string {
	return id.replace(/[^\w-]/g, '').slice(0, 64) || 'free';
}

/** Reads `/embed?scenario=ID&panel=console|phone|both&step=N&theme=light|dark&id=NAME`. */
export function parseEmbedParams(params: URLSearchParams): EmbedSettings {
	const panel = params.get('panel') as Panel;
	const theme = params.get('theme') as Theme;
	const step = Number(params.get('step'));
	const scenario = params.get('scenario') || null;
	return {
		scenario,
		panel: PANELS.includes(panel) ? panel : 'both',
		step: isStep(step) ? step : null,
		theme: THEMES.includes(theme) ? theme : null,
		world: worldName(params.get('id') || scenario || 'free')
	};
}

/** Reads the allowed origins from embed-config.json; a bad file allows only the own origin. */
export function parseEmbedConfig(json: unknown): string[] {
	if (!isRecord(json) || !Array.isArray(json.allowedOrigins)) return [];
	return json.allowedOrigins.filter(
		(o): o is string => typeof o === 'string' && /^https?:\/\/[^/\s]+$/.test(o)
	);
}
