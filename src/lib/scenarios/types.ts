/**
 * Guided scenarios as typed data. A step is done when the world reaches a state, whatever path
 * got it there: its check is a pure function over a read-only view of the world.
 */
import type { CommandResult } from '$lib/store/execute';
import type { SandboxDB } from '$lib/store/db';
import { WORLD_TABLES } from '$lib/domain/world-tables';
import type { Instant, Row, TableName, World } from '$lib/domain/types';

/** The world tables a check may read: all but the applications. */
export type ViewTable = Exclude<TableName, 'applications'>;
export const VIEW_TABLES = WORLD_TABLES.filter((t): t is ViewTable => t !== 'applications');

/**
 * What a check may read: the world's tables as plain read-only arrays (servers carry their
 * policies: Software Token & Push OTP Settings), and simulated now.
 */
export type WorldView = { readonly [T in ViewTable]: readonly Readonly<Row<T>>[] } & {
	readonly now: Instant;
};

/** What "Do it for me" may use: the store's commands, on this database, in this virtual server. */
export interface StepContext {
	db: SandboxDB;
	view: WorldView;
}

export interface ScenarioStep {
	/** Stable within the scenario: progress records it. */
	id: string;
	/** What to do. `{user:acme-u1}` and `{group:acme-g2}` render as the entity's name. */
	instruction: string;
	/** Why it matters, in one or two sentences. */
	why: string;
	hint: string;
	/** A CSS selector, or a `data-tour` name (written `tour:name`), to highlight with Show me. */
	target?: string;
	/** For the presenter's notes window. */
	notes: string;
	/** The tables the check reads, so the live query watches only those. */
	reads: readonly ViewTable[];
	check: (world: WorldView) => boolean;
	/**
	 * The check reads simulated now (a link that expires, a push request that times out): it is
	 * re-checked as the clock runs, not only when a table or the clock record changes.
	 */
	clock?: boolean;
	/** Optional "x of y" while the step is under way (a whole group, a batch). */
	progress?: (world: WorldView) => { done: number; total: number };
	/** Runs the step through the store commands; left out where no command exists yet. */
	doItForMe?: (ctx: StepContext) => Promise<CommandResult>;
}

export const AUDIENCES = ['Operator', 'Help desk', 'Presenter'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface StartingWorld {
	seed: string;
	users: number;
	/** Shapes the generated world (a smaller inventory, a locked token…) with domain functions. */
	prepare?: (world: World) => World;
}

export interface Scenario {
	id: string;
	title: string;
	summary: string;
	audience: Audience;
	minutes: number;
	start: StartingWorld;
	steps: readonly ScenarioStep[];
}

/** How a step was done: its check passed, the trainee skipped it, or "Do it for me" ran it. */
export interface StepRecord {
	stepId: string;
	how: 'checked' | 'skipped';
	/** Wall-clock time (ms). */
	at: number;
	/** Simulated time. */
	simAt: Instant;
}

/** One scenario's progress, kept across reloads and world resets. */
export interface ScenarioRun {
	scenarioId: string;
	startedAt: number;
	startedSimAt: Instant;
	steps: StepRecord[];
	finishedAt: number | null;
	finishedSimAt: Instant | null;
}

/** What every window of the sandbox shares about training: the active scenario and view. */
export interface TrainingSession {
	activeScenarioId: string | null;
	/** The step the presenter shows (next/previous); null follows the current step. */
	focus: number | null;
	hints: boolean;
	presenter: boolean;
	collapsed: boolean;
}

export const DEFAULT_SESSION: TrainingSession = {
	activeScenarioId: null,
	focus: null,
	hints: false,
	presenter: false,
	collapsed: false
};
