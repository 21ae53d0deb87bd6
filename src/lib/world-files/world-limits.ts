/** The size limits of domain/limits applied to a world read from a file, before its records. */
import { LIMITS, tooManyUsers } from '$lib/domain/limits';
import { formatCount } from '$lib/domain/format';

/** Problems with a world's size: per table, virtual servers, and users and tokens per server. */
export function sizeProblems(world: Record<string, unknown>): string[] {
	const out: string[] = [];
	for (const [table, rows] of Object.entries(world))
		if (Array.isArray(rows) && rows.length > LIMITS.rowsPerTable)
			out.push(
				`world.${table} has ${formatCount(rows.length)} records; the sandbox is built for at most ${formatCount(LIMITS.rowsPerTable)} per table. Nothing was imported.`
			);
	const servers = Array.isArray(world.servers) ? world.servers : [];
	if (servers.length > LIMITS.virtualServers)
		out.push(
			`${servers.length} virtual servers; the sandbox is built for at most ${LIMITS.virtualServers}. Nothing was imported.`
		);
	const perServer = (rows: unknown, what: 'users' | 'tokens') => {
		const counts = new Map<unknown, number>();
		if (Array.isArray(rows))
			for (const r of rows) {
				const id = (r as { serverId?: unknown } | null)?.serverId;
				counts.set(id, (counts.get(id) ?? 0) + 1);
			}
		for (const [id, n] of counts) {
			const name = typeof id === 'string' ? id.slice(0, 40) : 'A virtual server';
			if (what === 'users' && n > LIMITS.usersPerServer)
				out.push(`${tooManyUsers(name, n)} Nothing was imported.`);
			if (what === 'tokens' && n > LIMITS.tokensPerServer)
				out.push(
					`${name} would have ${formatCount(n)} tokens; the sandbox is built for at most ${formatCount(LIMITS.tokensPerServer)} per virtual server. Nothing was imported.`
				);
		}
	};
	perServer(world.users, 'users');
	perServer(world.tokens, 'tokens');
	return out;
}
