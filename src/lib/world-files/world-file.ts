/**
 * The world file: a world and its training progress, as JSON. `format` is the version of
 * this file shape; a file from a newer sandbox is refused rather than half understood.
 */
import type { ClockState } from '$lib/domain/clock';
import { checkWorld, RULES } from '$lib/domain/invariants';
import { LIMITS } from '$lib/domain/limits';
import { upgradeWorldDevices } from '$lib/domain/devices';
import type { World } from '$lib/domain/types';
import { TABLE_KEYS, WORLD_TABLES } from '$lib/domain/world-tables';
import type { ScenarioRun } from '$lib/scenarios/types';
import {
	CLOCK_SCHEMA,
	ROW_SCHEMAS,
	RUN_SCHEMA,
	SPEC_SCHEMA,
	recordProblems,
	type WorldSpec
} from './schemas';
import { sizeProblems } from './world-limits';

/** 2: Target and Device Type in STA's words, phones with a form factor (format 1 is upgraded). */
export const WORLD_FILE_FORMAT = 2;
export const WORLD_FILE_APP = 'sta-token-sandbox';
/** Larger files are refused before they are read (a Large demo world exports to about 15 MB). */
export const MAX_WORLD_FILE_BYTES = 25 * 1024 * 1024;
const MAX_PROBLEMS = 5;

export interface WorldFile {
	app: typeof WORLD_FILE_APP;
	format: number;
	exportedAt: string;
	spec: WorldSpec;
	clock: ClockState;
	world: World;
	scenarioRuns: ScenarioRun[];
}

export type ParseResult = { ok: true; worldFile: WorldFile } | { ok: false; problems: string[] };

/** "sta-sandbox-world-2026-03-02.json": named with the (wall-clock) date of the export. */
export function worldFileName(date: Date): string {
	return `sta-sandbox-world-${date.toISOString().slice(0, 10)}.json`;
}

export function checkSize(bytes: number): string | null {
	return bytes > MAX_WORLD_FILE_BYTES
		? `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_WORLD_FILE_BYTES / 1024 / 1024} MB. Nothing was imported.`
		: null;
}

/** Parses and checks a world file's text; lists the first problems found. */
export function parseWorldFile(text: string): ParseResult {
	const sizeProblem = checkSize(new Blob([text]).size);
	if (sizeProblem) return { ok: false, problems: [sizeProblem] };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			problems: [
				`The file is not valid JSON; it may be truncated or not a sandbox world file (${(error as Error).message}).`
			]
		};
	}
	return validateWorldFile(data);
}

const TOP_LEVEL = ['app', 'format', 'exportedAt', 'spec', 'clock', 'world', 'scenarioRuns'];

/**
 * Checks everything before anything is written: the file's shape, every record of every table
 * against its schema (types, bounds, unknown fields: ./schemas), the size limits, then the world's rules (domain/invariants),
 * so that a file whose records contradict each other is refused like a malformed one.
 */
export function validateWorldFile(data: unknown): ParseResult {
	const problems: string[] = [];
	const full = () => problems.length >= MAX_PROBLEMS;
	if (!data || typeof data !== 'object' || Array.isArray(data))
		return {
			ok: false,
			problems: ['The file does not hold a sandbox world file (not a JSON object).']
		};
	const d = data as Record<string, unknown>;
	if (d.app !== WORLD_FILE_APP)
		return {
			ok: false,
			problems: ['The file is not an STA Token Sandbox world file ("app" is missing).']
		};
	if (!Number.isInteger(d.format) || (d.format as number) < 1)
		return { ok: false, problems: ['The file has no valid "format" version.'] };
	if ((d.format as number) > WORLD_FILE_FORMAT)
		return {
			ok: false,
			problems: [
				`The file was saved by a newer version of the sandbox (format ${d.format}); this version reads format ${WORLD_FILE_FORMAT}. Update the sandbox to import it.`
			]
		};
	for (const key of Object.keys(d))
		if (!TOP_LEVEL.includes(key))
			problems.push(`unknown field ${JSON.stringify(key.slice(0, 40))}.`);
	if (typeof d.exportedAt !== 'string' || d.exportedAt.length > 40)
		problems.push('"exportedAt" must be a date as text.');
	// Files written before format 2 hold free-text Target and Device Type: rewrite them first.
	if (d.world && typeof d.world === 'object' && !Array.isArray(d.world))
		d.world = upgradeWorldDevices(d.world as Record<string, unknown>);
	recordProblems(d.spec, SPEC_SCHEMA, 'spec', problems);
	recordProblems(d.clock, CLOCK_SCHEMA, 'clock', problems);
	const world = d.world as Record<string, unknown> | undefined;
	if (!world || typeof world !== 'object' || Array.isArray(world))
		problems.push('"world" is missing.');
	else {
		for (const key of Object.keys(world))
			if (!Object.hasOwn(ROW_SCHEMAS, key))
				problems.push(`world: unknown table ${JSON.stringify(key.slice(0, 40))}.`);
		// Counts first: an oversized world is refused before its records are read one by one.
		const tooLarge = sizeProblems(world);
		if (tooLarge.length) return { ok: false, problems: tooLarge.slice(0, MAX_PROBLEMS) };
	}
	if (world && typeof world === 'object' && !Array.isArray(world))
		for (const table of WORLD_TABLES) {
			if (full()) break;
			const rows = world[table];
			if (!Array.isArray(rows)) {
				problems.push(`world.${table} must be a list.`);
				continue;
			}
			const keys = new Set<unknown>();
			for (let i = 0; i < rows.length && !full(); i++) {
				recordProblems(rows[i], ROW_SCHEMAS[table], `world.${table}[${i}]`, problems);
				const key = (rows[i] as Record<string, unknown> | null)?.[TABLE_KEYS[table]];
				if (keys.has(key))
					problems.push(
						`world.${table}[${i}]: ${TABLE_KEYS[table]} ${JSON.stringify(key)} appears twice.`
					);
				keys.add(key);
			}
		}
	if (!Array.isArray(d.scenarioRuns)) problems.push('"scenarioRuns" must be a list.');
	else if (d.scenarioRuns.length > LIMITS.scenarioRuns)
		problems.push(`${d.scenarioRuns.length} scenario runs; at most ${LIMITS.scenarioRuns}.`);
	else {
		// Every run, not a sample: a bad one would break the Scenarios page after import.
		const ids = new Set<unknown>();
		d.scenarioRuns.forEach((run, i) => {
			if (full()) return;
			recordProblems(run, RUN_SCHEMA, `scenarioRuns[${i}]`, problems);
			const id = (run as Record<string, unknown> | null)?.scenarioId;
			if (ids.has(id))
				problems.push(`scenarioRuns[${i}]: scenario ${JSON.stringify(id)} appears twice.`);
			ids.add(id);
		});
	}
	if (!problems.length && world && (world.servers as unknown[]).length === 0)
		problems.push('The world has no virtual server.');
	if (!problems.length) problems.push(...uniqueIndexProblems(world as unknown as World));
	if (!problems.length) {
		const snap = data as WorldFile;
		for (const v of checkWorld(snap.world, snap.clock.simAt, MAX_PROBLEMS))
			problems.push(`${v.record}: ${v.message} (rule: ${RULES[v.rule]}).`);
	}
	return problems.length
		? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) }
		: { ok: true, worldFile: data as WorldFile };
}

/** The store's unique indexes: a user ID once per virtual server, an enrollment link code once. */
function uniqueIndexProblems(world: World): string[] {
	const out: string[] = [];
	const logins = new Set<string>();
	world.users.forEach((u, i) => {
		const key = `${u.serverId}\u0000${u.userId}`;
		if (logins.has(key))
			out.push(`world.users[${i}]: user ID "${u.userId}" appears twice in ${u.serverId}.`);
		logins.add(key);
	});
	const codes = new Set<string>();
	world.enrollments.forEach((e, i) => {
		if (codes.has(e.code)) out.push(`world.enrollments[${i}]: code appears twice.`);
		codes.add(e.code);
	});
	return out.slice(0, MAX_PROBLEMS);
}
