/**
 * The learning platform's SCORM runtime, found the standard way and spoken to through one small
 * interface whatever the standard: SCORM 1.2's `API` (LMSInitialize, LMSSetValue…) or SCORM
 * 2004's `API_1484_11` (Initialize, SetValue…). Nothing here throws: a refusal comes back as
 * false, and `onError` hears it with the platform's own error code and text.
 */
import type { LmsVersion } from './versions';

type Call = (...args: string[]) => string;
type RawApi = Record<string, Call>;

/** The data model elements the sandbox uses, per standard. */
export const ELEMENTS = {
	scorm12: {
		status: 'cmi.core.lesson_status',
		scoreRaw: 'cmi.core.score.raw',
		scoreMin: 'cmi.core.score.min',
		scoreMax: 'cmi.core.score.max',
		sessionTime: 'cmi.core.session_time',
		suspendData: 'cmi.suspend_data',
		location: 'cmi.core.lesson_location',
		exit: 'cmi.core.exit',
		entry: 'cmi.core.entry',
		mastery: 'cmi.student_data.mastery_score'
	},
	scorm2004: {
		status: 'cmi.completion_status',
		success: 'cmi.success_status',
		scoreRaw: 'cmi.score.raw',
		scoreMin: 'cmi.score.min',
		scoreMax: 'cmi.score.max',
		scoreScaled: 'cmi.score.scaled',
		sessionTime: 'cmi.session_time',
		suspendData: 'cmi.suspend_data',
		location: 'cmi.location',
		exit: 'cmi.exit',
		entry: 'cmi.entry',
		mastery: 'cmi.scaled_passing_score'
	}
} as const;

const METHODS = {
	scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'],
	scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit']
} as const;
const ERRORS = {
	scorm12: ['LMSGetLastError', 'LMSGetErrorString'],
	scorm2004: ['GetLastError', 'GetErrorString']
} as const;

/** The object a platform exposes, or undefined (also for a frame of another origin). */
function apiIn(w: Window, name: string): RawApi | undefined {
	try {
		const api = (w as unknown as Record<string, unknown>)[name];
		return api && typeof api === 'object' ? (api as RawApi) : undefined;
	} catch {
		return undefined;
	}
}

/** Walks up from a window through its parents (at most 10, as the ADL sample does). */
function searchUp(start: Window | null, name: string): RawApi | undefined {
	let w = start;
	for (let i = 0; w && i <= 10; i++) {
		const api = apiIn(w, name);
		if (api) return api;
		if (w.parent === w) break;
		w = w.parent;
	}
	return undefined;
}

/** The standard search: this window and its parents, then the opener and its parents. */
export function findApi(win: Window, version: LmsVersion): RawApi | undefined {
	const name = version === 'scorm12' ? 'API' : 'API_1484_11';
	const opener = (w: Window | null) => {
		try {
			return w?.opener as Window | null;
		} catch {
			return null;
		}
	};
	return searchUp(win, name) ?? searchUp(opener(win), name) ?? searchUp(opener(win.top), name);
}

export interface LmsError {
	/** What the sandbox was doing, in words: "save your progress". */
	doing: string;
	code: string;
	text: string;
}

export class LmsConnection {
	readonly version: LmsVersion;
	#api: RawApi;
	#onError: (error: LmsError) => void;

	constructor(version: LmsVersion, api: RawApi, onError: (error: LmsError) => void) {
		this.version = version;
		this.#api = api;
		this.#onError = onError;
	}

	#call(index: number, doing: string, ...args: string[]): string {
		const method = METHODS[this.version][index];
		let result: string;
		try {
			result = String(this.#api[method](...args));
		} catch (error) {
			this.#onError({ doing, code: '', text: (error as Error).message });
			return 'false';
		}
		return result;
	}

	#check(ok: boolean, doing: string): boolean {
		if (ok) return true;
		const [last, text] = ERRORS[this.version];
		let code = '';
		let words = '';
		try {
			code = String(this.#api[last]());
			words = String(this.#api[text](code));
		} catch {
			/* the error functions failing too is itself the error shown */
		}
		this.#onError({ doing, code, text: words });
		return false;
	}

	initialize(): boolean {
		return this.#check(this.#call(0, 'start the session', '') === 'true', 'start the session');
	}

	terminate(): boolean {
		return this.#check(this.#call(1, 'end the session', '') === 'true', 'end the session');
	}

	/** A value, or '' when the platform has none (a first visit has no suspend data). */
	get(element: string): string {
		return this.#call(2, `read ${element}`, element);
	}

	set(element: string, value: string, doing: string): boolean {
		return this.#check(this.#call(3, doing, element, value) === 'true', doing);
	}

	commit(): boolean {
		return this.#check(this.#call(4, 'save your progress', '') === 'true', 'save your progress');
	}
}

/** Session time in the standard's format: SCORM 1.2 HHHH:MM:SS.SS, SCORM 2004 ISO 8601. */
export function formatSessionTime(version: LmsVersion, ms: number): string {
	const total = Math.max(0, Math.round(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	if (version === 'scorm2004') return `PT${h}H${m}M${s}S`;
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(Math.min(h, 9999))}:${two(m)}:${two(s)}`;
}
