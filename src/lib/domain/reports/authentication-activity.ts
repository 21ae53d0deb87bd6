import { AUDIT } from '../audit-actions';
import type { AuditEvent } from '../types';

export interface AuthenticationActivity {
	signInSuccess: number;
	signInRefused: number;
	pushApproved: number;
	pushDenied: number;
	lockouts: number;
}

export interface UserActivity extends AuthenticationActivity {
	user: string;
}

type Row = Pick<AuditEvent, 'action' | 'outcome' | 'user'>;

const empty = (): AuthenticationActivity => ({
	signInSuccess: 0,
	signInRefused: 0,
	pushApproved: 0,
	pushDenied: 0,
	lockouts: 0
});

/** Which counter an audit row adds to, if any (the phone and the console write these rows). */
function counterOf(e: Row): keyof AuthenticationActivity | null {
	switch (e.action) {
		case AUDIT.signIn:
			return e.outcome === 'Success' ? 'signInSuccess' : 'signInRefused';
		case AUDIT.pushApproved:
			return e.outcome === 'Success' ? 'pushApproved' : null;
		case AUDIT.pushDenied:
			return e.outcome === 'Success' ? 'pushDenied' : null;
		case AUDIT.tokenLocked:
			return e.outcome === 'Success' ? 'lockouts' : null;
		default:
			return null;
	}
}

/** Sign-ins (succeeded and refused), push approvals and denials, and lockouts, from the audit trail. */
export function authenticationActivity(audit: Row[]): {
	total: AuthenticationActivity;
	byUser: UserActivity[];
} {
	const total = empty();
	const users = new Map<string, UserActivity>();
	for (const e of audit) {
		const k = counterOf(e);
		if (!k) continue;
		total[k]++;
		const name = e.user ?? '';
		let u = users.get(name);
		if (!u) users.set(name, (u = { user: name, ...empty() }));
		u[k]++;
	}
	const byUser = [...users.values()].sort((a, b) => a.user.localeCompare(b.user));
	return { total, byUser };
}
