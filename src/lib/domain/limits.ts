/**
 * How large a world the sandbox is built and benchmarked for. Imports (world files, CSV user
 * files) above these are refused with the limit in the message; the README states them.
 * The Large demo has 10,000 users and 20,000 tokens in one virtual server; the limits leave room
 * for users added or imported into it afterwards, so its own exports always import again.
 */
import { formatCount } from './format';
export const LIMITS = {
	/** Users in one virtual server. */
	usersPerServer: 12_000,
	/** MobilePASS tokens in one virtual server. */
	tokensPerServer: 24_000,
	virtualServers: 10,
	/** Records of any one table of a world (the audit trail grows with use). */
	rowsPerTable: 200_000,
	/** Scenario runs in a world file (one per scenario; far more than the library holds). */
	scenarioRuns: 1_000
} as const;

/** Simulated and wall-clock instants a world may hold: 2000-01-01 to 2100-01-01 (UTC). */
export const EARLIEST = Date.UTC(2000, 0, 1);
export const LATEST = Date.UTC(2100, 0, 1);

export function plausibleInstant(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v) && v >= EARLIEST && v <= LATEST;
}

/** The message for a virtual server over the user limit. */
export function tooManyUsers(server: string, count: number): string {
	return `${server} would have ${formatCount(count)} users; the sandbox is built for at most ${formatCount(LIMITS.usersPerServer)} users per virtual server.`;
}
