/**
 * The postMessage API between an embedded sandbox and the documentation page around it
 * (docs/embedding.md). Every message carries `protocol` and `version`; a page written for
 * version 1 keeps working as long as version stays 1 (new optional fields may appear in what
 * the sandbox sends, never changed ones).
 */
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

/** Messages the parent page may send to the embed. */
export type InMessage =
	| { type: 'reset' }
	| { type: 'goToStep'; step: number }
	| { type: 'loadScenario'; scenario: string; step?: number }
	| { type: 'setTheme'; theme: Theme };

export type Envelope<M> = M & { protocol: typeof PROTOCOL; version: typeof PROTOCOL_VERSION };

export function envelope<M extends OutMessage>(message: M): Envelope<M> {
	return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...message };
}

export type Parsed =
	{ ok: true; message: InMessage } | { ok: false; ours: boolean; reason: string };

/** A plain object (what postMessage's structured clone gives), never an array or a class. */
const isRecord = (v: unknown): v is Record<string, unknown> => {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const proto = Object.getPrototypeOf(v);
	return proto === Object.prototype || proto === null;
};
const own = (o: Record<string, unknown>, key: string) =>
	Object.hasOwn(o, key) ? o[key] : undefined;
const isStep = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1;

/** The fields each message type may carry, besides `protocol`, `version` and `type`. */
const FIELDS: Record<InMessage['type'], { required: string[]; optional: string[] }> = {
	reset: { required: [], optional: [] },
	goToStep: { required: ['step'], optional: [] },
	loadScenario: { required: ['scenario'], optional: ['step'] },
	setTheme: { required: ['theme'], optional: [] }
};

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
	if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type))
		return bad(`unknown message type ${short(type)}`);
	const fields = FIELDS[type as InMessage['type']];
	const allowed = new Set(['protocol', 'version', 'type', ...fields.required, ...fields.optional]);
	const extra = Object.keys(data).find((k) => !allowed.has(k));
	if (extra !== undefined) return bad(`${type} has no field ${short(extra)}`);
	const missing = fields.required.find((k) => !Object.hasOwn(data, k));
	if (missing) return bad(`${type} needs ${missing}`);
	switch (type as InMessage['type']) {
		case 'reset':
			return { ok: true, message: { type: 'reset' } };
		case 'goToStep':
			return isStep(data.step)
				? { ok: true, message: { type: 'goToStep', step: data.step } }
				: bad('goToStep needs a step number from 1');
		case 'loadScenario': {
			if (typeof data.scenario !== 'string' || !data.scenario)
				return bad('loadScenario needs a scenario id');
			if (!Object.hasOwn(data, 'step'))
				return { ok: true, message: { type: 'loadScenario', scenario: data.scenario } };
			if (!isStep(data.step)) return bad('loadScenario step must be a number from 1');
			return {
				ok: true,
				message: { type: 'loadScenario', scenario: data.scenario, step: data.step }
			};
		}
		case 'setTheme':
			return THEMES.includes(data.theme as Theme)
				? { ok: true, message: { type: 'setTheme', theme: data.theme as Theme } }
				: bad('setTheme needs light or dark');
	}
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
