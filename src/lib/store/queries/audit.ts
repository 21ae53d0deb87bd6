import type { AuditEvent } from '$lib/domain/types';
import type { SandboxDB } from '$lib/store/db';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
	user: string;
	serial: string;
	action: string;
}

/**
 * One page of a virtual server's audit trail, newest first, read through the [serverId+at]
 * index; the filters match the user ID and serial by substring and the action exactly.
 */
export async function auditPage(db: SandboxDB, serverId: string, f: AuditFilter, page: number) {
	const user = f.user.trim().toLowerCase();
	const serial = f.serial.trim();
	const match = (e: AuditEvent) =>
		(!user || (e.user ?? '').toLowerCase().includes(user)) &&
		(!serial || (e.serial ?? '').includes(serial)) &&
		(!f.action || e.action === f.action);
	const all = db.audit.where('[serverId+at]').between([serverId, -Infinity], [serverId, Infinity]);
	// Collections are values: each step returns a new one, so both reads start from `filtered`.
	const filtered = all.reverse().filter(match);
	const [events, total] = await Promise.all([
		filtered
			.offset(page * AUDIT_PAGE_SIZE)
			.limit(AUDIT_PAGE_SIZE)
			.toArray(),
		user || serial || f.action ? filtered.count() : all.count()
	]);
	return { events, total };
}

/**
 * The action names that occur in a virtual server's audit trail, for the filter: the distinct
 * keys of the [serverId+action] index, one step per name, without reading any event.
 */
export async function auditActions(db: SandboxDB, serverId: string): Promise<string[]> {
	const keys = await db.audit
		.where('[serverId+action]')
		.between([serverId], [serverId, []])
		.uniqueKeys();
	return (keys as unknown as [string, string][]).map((k) => k[1]).sort();
}
