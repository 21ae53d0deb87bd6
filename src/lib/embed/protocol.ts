/**
 * The postMessage API between an embedded sandbox and the documentation page around it
 * (docs/embedding.md). Every message carries `protocol` and `version`; a page written for
 * version 1 keeps working as long as version stays 1 (new optional fields may appear in what
 * the sandbox sends, never changed ones). The incoming messages' schemas and parser are in
 * ./messages: only the embed's bridge needs them (and valibot), not every page's first load.
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

export type Envelope<M> = M & { protocol: typeof PROTOCOL; version: typeof PROTOCOL_VERSION };

export function envelope<M extends OutMessage>(message: M): Envelope<M> {
	return { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...message };
}

/** A plain object (what postMessage's structured clone gives), never an array or a class. */
export const isRecord = (x: unknown): x is Record<string, unknown> => {
	if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
	const proto = Object.getPrototypeOf(x);
	return proto === Object.prototype || proto === null;
};

/** A step number: a whole number from 1 (URL parameters and messages alike). */
export const isStep = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 1;

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
