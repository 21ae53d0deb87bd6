import type { AuditAction } from './audit-actions';
import type { AuditOutcome, Row, TableName } from './types';

/** A write the store must make; the domain decides, the store only applies. */
export type Change = {
	[T in TableName]: { table: T; put: Row<T> } | { table: T; delete: string };
}[TableName];

/** What the audit trail records of a command, whatever its outcome. */
export interface AuditNote {
	action: AuditAction;
	target: string;
	serial?: string | null;
	user?: string | null;
	detail?: string;
	/** Who acted, when not the virtual server's operator (a user on their phone). */
	actor?: string;
	/** Overrides the audit outcome, for a refusal that still changes something (see countedRefusal). */
	outcome?: AuditOutcome;
}

export type Outcome =
	| { ok: true; changes: Change[]; audit: AuditNote[]; refusal?: string }
	| { ok: false; reason: string; audit: AuditNote };

export function accepted(changes: Change[], ...audit: AuditNote[]): Outcome {
	return { ok: true, changes, audit };
}

export function refused(reason: string, note: AuditNote): Outcome {
	return { ok: false, reason, audit: { ...note, detail: reason } };
}

/**
 * A refusal that must still be recorded in the world: a wrong passcode or activation string
 * counts towards a lockout. The changes apply, the audit row says Refused, and the caller
 * sees the reason as a refusal.
 */
export function countedRefusal(reason: string, changes: Change[], note: AuditNote): Outcome {
	return {
		ok: true,
		changes,
		audit: [{ ...note, detail: note.detail ?? reason, outcome: 'Refused' }],
		refusal: reason
	};
}

export const put = <T extends TableName>(table: T, value: Row<T>) =>
	({ table, put: value }) as Change;
