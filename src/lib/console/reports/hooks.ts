import { toCsv } from '$lib/domain/reports/csv';
import { COLUMNS, rowCells, usersWithTokens } from '$lib/domain/reports/users-with-tokens';
import { loadUsersWithTokens, readUsersAndHeldTokens } from '$lib/store/queries/reports';

/**
 * Automation hook for the benchmark: the report's own functions, so that it times the code the
 * page runs. Registered when a report page loads, to keep it out of the first-load bundle.
 */
export function exposeReportHooks() {
	Object.assign(globalThis, {
		__reports: {
			loadUsersWithTokens,
			readUsersAndHeldTokens,
			usersWithTokens,
			usersWithTokensCsv: (rows: Parameters<typeof rowCells>[0][]) =>
				toCsv(
					COLUMNS.map((c) => c.label),
					rows.map(rowCells)
				)
		}
	});
}
