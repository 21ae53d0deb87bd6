import { formatDateTime } from '../format';
import type { DeviceType, MobileApp, PushOtp, Target, Token, TokenState, User } from '../types';

/**
 * Users – With Tokens: "token details (OS type, device type, and push OTP state) for MobilePASS
 * tokens, for all users in a virtual server". One row per (user, token). A user without a token
 * has no row (the report's name says "With Tokens"); the page says how many users were left out.
 */
export interface UsersWithTokensRow {
	/** Stable key: the serial is unique in the world, and a token has one user at a time. */
	serial: string;
	userKey: string;
	userId: string;
	lastName: string;
	firstName: string;
	email: string;
	tokenType: Token['type'];
	state: TokenState;
	/** Empty until the token is enrolled (an Assigned token has no app yet). */
	app: MobileApp | '';
	/** STA's Target (the OS), shown in the column OS Type. */
	target: Target | '';
	deviceType: DeviceType | '';
	pushOtp: PushOtp | '';
	enrolledAt: number | null;
	groupIds: string[];
}

export const COLUMNS = [
	{ key: 'userId', label: 'User ID' },
	{ key: 'lastName', label: 'Last Name' },
	{ key: 'firstName', label: 'First Name' },
	{ key: 'email', label: 'Email' },
	{ key: 'serial', label: 'Serial Number' },
	{ key: 'tokenType', label: 'Token Type' },
	{ key: 'state', label: 'State' },
	{ key: 'app', label: 'App' },
	// The seed's words: "token details (OS type, device type, and push OTP state)".
	{ key: 'target', label: 'OS Type' },
	{ key: 'deviceType', label: 'Device Type' },
	{ key: 'pushOtp', label: 'Push OTP State' },
	{ key: 'enrolledAt', label: 'Enrolled' }
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

export interface UsersWithTokensReport {
	rows: UsersWithTokensRow[];
	/** Users of the virtual server that hold no token, so have no row. */
	usersWithoutTokens: number;
	users: number;
}

/**
 * Joins users and their tokens; rows come sorted by User ID, then serial. Rows are built in the
 * order of `users` (each user's tokens in the order given), so users already in User ID order
 * leave the final sort next to nothing to do.
 */
export function usersWithTokens(users: User[], tokens: Token[]): UsersWithTokensReport {
	const held = new Map<string, Token[]>();
	for (const t of tokens) {
		if (!t.userId) continue;
		const list = held.get(t.userId);
		if (list) list.push(t);
		else held.set(t.userId, [t]);
	}
	const rows: UsersWithTokensRow[] = [];
	let holders = 0;
	for (const user of users) {
		const list = held.get(user.id);
		if (!list) continue;
		holders++;
		for (const t of list)
			rows.push({
				serial: t.serial,
				userKey: user.id,
				userId: user.userId,
				lastName: user.lastName,
				firstName: user.firstName,
				email: user.email,
				tokenType: t.type,
				state: t.state,
				app: t.app ?? '',
				target: t.target ?? '',
				deviceType: t.deviceType ?? '',
				pushOtp: t.pushOtp ?? '',
				enrolledAt: t.enrolledAt,
				groupIds: user.groupIds
			});
	}
	return {
		rows: sortRows(rows, { key: 'userId', direction: 'ascending' }),
		usersWithoutTokens: users.length - holders,
		users: users.length
	};
}

export interface RowFilter {
	app?: MobileApp | 'none' | '';
	state?: TokenState | '';
	pushOtp?: PushOtp | 'none' | '';
	/** An OS type (STA's Target), e.g. "Windows 10". */
	target?: Target | '';
	groupId?: string;
	search?: string;
}

/** Keeps the rows that match every set criterion; 'none' matches a blank (not enrolled) field. */
export function filterRows(rows: UsersWithTokensRow[], f: RowFilter): UsersWithTokensRow[] {
	const needle = f.search?.trim().toLowerCase() ?? '';
	const blank = (want: string | undefined, have: string) =>
		!want || (want === 'none' ? have === '' : have === want);
	return rows.filter(
		(r) =>
			blank(f.app, r.app) &&
			(!f.state || r.state === f.state) &&
			blank(f.pushOtp, r.pushOtp) &&
			(!f.target || r.target === f.target) &&
			(!f.groupId || r.groupIds.includes(f.groupId)) &&
			(!needle ||
				r.userId.toLowerCase().includes(needle) ||
				r.lastName.toLowerCase().includes(needle) ||
				r.firstName.toLowerCase().includes(needle) ||
				r.email.toLowerCase().includes(needle) ||
				r.serial.includes(needle) ||
				r.deviceType.toLowerCase().includes(needle))
	);
}

export interface RowSort {
	key: ColumnKey;
	direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** A stable sort on one column; blanks go last either way, ties keep User ID then serial order. */
export function sortRows(rows: UsersWithTokensRow[], sort: RowSort): UsersWithTokensRow[] {
	const sign = sort.direction === 'ascending' ? 1 : -1;
	const k = sort.key;
	return [...rows].sort((a, b) => {
		const x = a[k];
		const y = b[k];
		const xBlank = x === null || x === '';
		const yBlank = y === null || y === '';
		if (xBlank !== yBlank) return xBlank ? 1 : -1;
		let c = 0;
		if (!xBlank)
			c = typeof x === 'number' ? x - (y as number) : collator.compare(String(x), String(y));
		if (c !== 0) return sign * c;
		return collator.compare(a.userId, b.userId) || collator.compare(a.serial, b.serial);
	});
}

/** The row as the report shows and exports it, one string per column. */
export function rowCells(r: UsersWithTokensRow): string[] {
	return COLUMNS.map((c) => (c.key === 'enrolledAt' ? formatDateTime(r.enrolledAt) : r[c.key]));
}

/** Distinct OS types among the rows, for the OS Type filter. */
export function targetOptions(rows: UsersWithTokensRow[]): Target[] {
	const s = new Set<Target>();
	for (const r of rows) if (r.target) s.add(r.target);
	return [...s].sort();
}
