/**
 * The postMessage API between an embedded sandbox and the documentation page around it.
 * Every message carries `protocol` and `version`; a page written for version 1 keeps working
 * as long as version stays 1 (new optional fields may appear, never changed ones).
 */
export const PROTOCOL = 'sta-token-sandbox';
export const PROTOCOL_VERSION = 1;

export const PANELS = ['console', 'phone', 'both'] as const;
export type Panel = (typeof PANELS)[number];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Messages the embed sends to the parent page. Steps are numbered from 1. */
export type OutMessage =
	| { type: 'ready'; scenario: string | null; step: number | null; steps: number }
	| { type: 'step-completed'; scenario: string; step: number; stepId: string; instruction: string }
	| { type: 'scenario-completed'; scenario: string; seconds: number }
	| { type: 'resize'; height: number };

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

export type Parsed = { ok: true; message: InMessage } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isStep = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

/** Checks a message from the parent page; anything not exactly of the API is refused. */
export function parseInMessage(data: unknown): Parsed {
	if (!isRecord(data) || data.protocol !== PROTOCOL) return { ok: false, reason: 'not ours' };
	if (data.version !== PROTOCOL_VERSION)
		return { ok: false, reason: `unsupported version ${String(data.version)}` };
	switch (data.type) {
		case 'reset':
			return { ok: true, message: { type: 'reset' } };
		case 'goToStep':
			return isStep(data.step)
				? { ok: true, message: { type: 'goToStep', step: data.step } }
				: { ok: false, reason: 'goToStep needs a step number from 1' };
		case 'loadScenario':
			if (typeof data.scenario !== 'string' || !data.scenario)
				return { ok: false, reason: 'loadScenario needs a scenario id' };
			if (data.step !== undefined && !isStep(data.step))
				return { ok: false, reason: 'loadScenario step must be a number from 1' };
			return {
				ok: true,
				message: { type: 'loadScenario', scenario: data.scenario, step: data.step as number }
			};
		case 'setTheme':
			return THEMES.includes(data.theme as Theme)
				? { ok: true, message: { type: 'setTheme', theme: data.theme as Theme } }
				: { ok: false, reason: 'setTheme needs light or dark' };
		default:
			return { ok: false, reason: `unknown message type ${String(data.type)}` };
	}
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

/** Reads `/embed?scenario=ID&panel=console|phone|both&step=N&theme=light|dark&id=NAME`. */
export function parseEmbedParams(params: URLSearchParams): EmbedSettings {
	const panel = params.get('panel') as Panel;
	const theme = params.get('theme') as Theme;
	const step = Number(params.get('step'));
	const scenario = params.get('scenario') || null;
	const id = params.get('id') || scenario || 'free';
	return {
		scenario,
		panel: PANELS.includes(panel) ? panel : 'both',
		step: isStep(step) ? step : null,
		theme: THEMES.includes(theme) ? theme : null,
		world: id.replace(/[^\w-]/g, '').slice(0, 64) || 'free'
	};
}

/** Reads the allowed origins from embed-config.json; a bad file allows only the own origin. */
export function parseEmbedConfig(json: unknown): string[] {
	if (!isRecord(json) || !Array.isArray(json.allowedOrigins)) return [];
	return json.allowedOrigins.filter(
		(o): o is string => typeof o === 'string' && /^https?:\/\/[^/\s]+$/.test(o)
	);
}
