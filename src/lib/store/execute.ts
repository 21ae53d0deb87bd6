import { simNow } from '$lib/domain/clock';
import type { AuditNote, Change, Outcome } from '$lib/domain/outcome';
import type { AuditEvent, Instant, Token, VirtualServer } from '$lib/domain/types';
import { updateCleanupList } from './cleanup-list';
import type { SandboxDB } from './db';
import { readClock } from './meta';

export type CommandResult = { ok: true; message: string } | { ok: false; reason: string };

/** The wall clock; the store's only use of it is to move the simulated clock along. */
export let realNow: () => number = () => Date.now();
export function setRealNow(fn: () => number) {
	realNow = fn;
}

/** Simulated time now, read from the database (so every tab agrees). */
export async function simulatedNow(db: SandboxDB): Promise<Instant> {
	return simNow(await readClock(db), realNow());
}

/**
 * Runs one domain command in one transaction: read what it needs, decide, apply its changes,
 * audit it. `decide` reads through `tx`, the transaction's view of the database. A refused
 * command changes no table but the audit trail; an error aborts the transaction, so a
 * half-applied command cannot exist.
 */
export async function execute(
	db: SandboxDB,
	serverId: string,
	decide: (tx: SandboxDB, at: Instant, server: VirtualServer) => Promise<Outcome> | Outcome
): Promise<CommandResult> {
	try {
		return await db.transaction('rw', [...db.worldTables, db.meta], async (tx) => {
			const at = await simulatedNow(tx);
			const server = await tx.servers.get(serverId);
			if (!server) return { ok: false as const, reason: `No virtual server "${serverId}".` };
			const outcome = await decide(tx, at, server);
			if (outcome.ok) await applyChanges(tx, outcome.changes);
			const notes = outcome.ok ? outcome.audit : [outcome.audit];
			await tx.audit.bulkAdd(
				notes.map((n) =>
					auditEvent(server, n, at, n.outcome ?? (outcome.ok ? 'Success' : 'Refused'))
				)
			);
			if (outcome.ok && outcome.refusal) return { ok: false as const, reason: outcome.refusal };
			return outcome.ok
				? { ok: true as const, message: outcome.audit.map((n) => n.detail ?? n.action).join('\n') }
				: { ok: false as const, reason: outcome.reason };
		});
	} catch (error) {
		return { ok: false, reason: storageErrorMessage(error) };
	}
}

/**
 * Applies a command's changes. Consecutive puts to one table go in one `bulkPut` (provisioning
 * 1,000 users is thousands of puts). Writes to different tables never affect each other, so each
 * table's changes are applied as their own runs; within a table the order is kept (a put and a
 * delete of the same key, or two puts of it, land as the domain listed them).
 */
export async function applyChanges(db: SandboxDB, changes: Change[]) {
	const perTable = runsPerTable(changes);
	// The tokens as they were, for the clean-up list (kept beside the world: cleanup-list.ts).
	const tokenRuns = perTable.get('tokens') ?? [];
	const written = tokenRuns.flatMap((run) =>
		run.kind === 'put' ? (run.items as Token[]).map((t) => t.serial) : (run.items as string[])
	);
	const before = written.length ? await db.tokens.bulkGet(written) : [];
	for (const [name, runs] of perTable) {
		const table = db.table(name);
		for (const run of runs)
			if (run.kind === 'put') await table.bulkPut(run.items);
			else await table.bulkDelete(run.items as string[]);
	}
	const after = tokenRuns.flatMap((run) => (run.kind === 'put' ? (run.items as Token[]) : []));
	if (written.length) await updateCleanupList(db, before, after);
}

type Run = { kind: 'put' | 'delete'; items: unknown[] };

/** Each table's changes in order, as runs of consecutive puts or deletes. */
export function runsPerTable(changes: Change[]): Map<string, Run[]> {
	const tables = new Map<string, Run[]>();
	for (const c of changes) {
		const runs = tables.get(c.table) ?? tables.set(c.table, []).get(c.table)!;
		const kind = 'put' in c ? 'put' : 'delete';
		const item = 'put' in c ? c.put : c.delete;
		const last = runs[runs.length - 1];
		if (last?.kind === kind) last.items.push(item);
		else runs.push({ kind, items: [item] });
	}
	return tables;
}

function auditEvent(
	server: VirtualServer,
	n: AuditNote,
	at: Instant,
	outcome: AuditEvent['outcome']
): AuditEvent {
	return {
		serverId: server.id,
		at,
		operator: n.actor ?? server.operator,
		action: n.action,
		target: n.target,
		serial: n.serial ?? null,
		user: n.user ?? null,
		outcome,
		detail: n.detail ?? ''
	};
}

/** A message a person can act on, for the ways the browser's storage can fail. */
export function storageErrorMessage(error: unknown): string {
	const name = (error as { name?: string })?.name ?? '';
	const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
		return 'The browser has no storage space left for the sandbox. Nothing was changed. Free some space, or reset to a smaller world.';
	if (name === 'DatabaseClosedError')
		return 'The sandbox database was closed (another tab may have reset or upgraded it). Reload the page.';
	const message = (error as Error)?.message ?? String(error);
	return `The change could not be saved, so nothing was changed: ${message}`;
}
