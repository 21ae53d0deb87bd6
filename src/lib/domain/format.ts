import type { Instant } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A whole number with thousands separators, "12,345", as `toLocaleString('en-US')` writes it:
 * without Intl, whose first use loads locale data (tens of milliseconds on a phone, on the
 * first screen of every paged page).
 */
export function formatCount(n: number): string {
	const digits = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+$)/g, ',');
	return n < 0 && Math.round(n) !== 0 ? `-${digits}` : digits;
}

/**
 * STA's report date format, `yyyy/mm/dd hh:mm:ss AM/PM`. The sandbox shows simulated time in
 * UTC, so that a demo reads the same on every presenter's laptop.
 */
export function formatDateTime(at: Instant | null | undefined): string {
	if (at === null || at === undefined) return '';
	const d = new Date(at);
	const h = d.getUTCHours();
	return (
		`${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ` +
		`${pad(h % 12 || 12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
	);
}

export function formatDate(at: Instant | null | undefined): string {
	return formatDateTime(at).slice(0, 10);
}

/** The name the console shows for a user: "Alice Ng (ang)". */
export function displayUser(u: { firstName: string; lastName: string; userId: string }): string {
	return `${u.firstName} ${u.lastName} (${u.userId})`;
}

/** `yyyy-mm-ddThh:mm` in UTC for a datetime-local input (the sandbox shows UTC everywhere). */
export function toUtcInput(at: number): string {
	return new Date(at).toISOString().slice(0, 16);
}

export function fromUtcInput(value: string): number {
	return Date.parse(`${value}:00Z`);
}
