/**
 * The snapshot file: a world and its training progress, as JSON. `format` is the version of
 * this file shape; a file from a newer sandbox is refused rather than half understood.
 */
import type { ClockState } from '$lib/domain/clock';
import { upgradeWorldDevices } from '$lib/domain/devices';
import type { TableName, World } from '$lib/domain/types';
import type { ScenarioRun } from '$lib/scenarios/types';
import { CLOCK_SHAPE, KEYS, ROW_SHAPES, RUN_SHAPE, checkRecord } from './shapes';

/** 2: Target and Device Type in STA's words, phones with a form factor (format 1 is upgraded). */
export const SNAPSHOT_FORMAT = 2;
export const SNAPSHOT_APP = 'sta-token-sandbox';
/** Larger files are refused before they are read (a Large demo world exports to about 15 MB). */
export const MAX_SNAPSHOT_BYTES = 25 * 1024 * 1024;
const MAX_PROBLEMS = 5;

export interface SnapshotFile {
	app: typeof SNAPSHOT_APP;
	format: number;
	exportedAt: string;
	spec: { seed: string; users: number };
	clock: ClockState;
	world: World;
	scenarioRuns: ScenarioRun[];
}

export type ParseResult = { ok: true; snapshot: SnapshotFile } | { ok: false; problems: string[] };

const TABLES = Object.keys(ROW_SHAPES) as TableName[];

/** "sta-sandbox-2026-03-02.json": named with the (wall-clock) date of the export. */
export function snapshotFileName(date: Date): string {
	return `sta-sandbox-${date.toISOString().slice(0, 10)}.json`;
}

export function checkSize(bytes: number): string | null {
	return bytes > MAX_SNAPSHOT_BYTES
		? `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SNAPSHOT_BYTES / 1024 / 1024} MB. Nothing was imported.`
		: null;
}

/** Parses and checks a snapshot file's text; lists the first problems found. */
export function parseSnapshot(text: string): ParseResult {
	const sizeProblem = checkSize(new Blob([text]).size);
	if (sizeProblem) return { ok: false, problems: [sizeProblem] };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			problems: [
				`The file is not valid JSON; it may be truncated or not a sandbox snapshot (${(error as Error).message}).`
			]
		};
	}
	return validateSnapshot(data);
}

export function validateSnapshot(data: unknown): ParseResult {
	const problems: string[] = [];
	const full = () => problems.length >= MAX_PROBLEMS;
	if (!data || typeof data !== 'object' || Array.isArray(data))
		return {
			ok: false,
			problems: ['The file does not hold a sandbox snapshot (not a JSON object).']
		};
	const d = data as Record<string, unknown>;
	if (d.app !== SNAPSHOT_APP)
		return {
			ok: false,
			problems: ['The file is not an STA Token Sandbox snapshot ("app" is missing).']
		};
	if (!Number.isInteger(d.format) || (d.format as number) < 1)
		return { ok: false, problems: ['The file has no valid "format" version.'] };
	if ((d.format as number) > SNAPSHOT_FORMAT)
		return {
			ok: false,
			problems: [
				`The file was saved by a newer version of the sandbox (format ${d.format}); this version reads format ${SNAPSHOT_FORMAT}. Update the sandbox to import it.`
			]
		};
	if (typeof d.exportedAt !== 'string') problems.push('"exportedAt" must be text.');
	// Files written before format 2 hold free-text Target and Device Type: rewrite them first.
	if (d.world && typeof d.world === 'object' && !Array.isArray(d.world))
		d.world = upgradeWorldDevices(d.world as Record<string, unknown>);
	checkRecord(
		d.spec,
		{ seed: ROW_SHAPES.groups.name, users: ROW_SHAPES.tokens.period },
		'spec',
		problems
	);
	checkRecord(d.clock, CLOCK_SHAPE, 'clock', problems);
	const world = d.world as Record<string, unknown> | undefined;
	if (!world || typeof world !== 'object') problems.push('"world" is missing.');
	else
		for (const table of TABLES) {
			if (full()) break;
			const rows = world[table];
			if (!Array.isArray(rows)) {
				problems.push(`world.${table} must be a list.`);
				continue;
			}
			const keys = new Set<unknown>();
			for (let i = 0; i < rows.length && !full(); i++) {
				checkRecord(rows[i], ROW_SHAPES[table], `world.${table}[${i}]`, problems);
				const key = (rows[i] as Record<string, unknown> | null)?.[KEYS[table]];
				if (keys.has(key))
					problems.push(
						`world.${table}[${i}]: ${KEYS[table]} ${JSON.stringify(key)} appears twice.`
					);
				keys.add(key);
			}
		}
	if (!Array.isArray(d.scenarioRuns)) problems.push('"scenarioRuns" must be a list.');
	else
		d.scenarioRuns.slice(0, 100).forEach((run, i) => {
			if (!full()) checkRecord(run, RUN_SHAPE, `scenarioRuns[${i}]`, problems);
		});
	if (!problems.length && world && (world.servers as unknown[]).length === 0)
		problems.push('The world has no virtual server.');
	return problems.length
		? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) }
		: { ok: true, snapshot: data as SnapshotFile };
}
