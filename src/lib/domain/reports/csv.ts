/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled), with a UTF-8 byte order mark so that Excel reads accents
 * correctly, and with formula-like cells neutralised: a spreadsheet would run a cell that starts
 * with =, +, -, @ (or a tab or carriage return) as a formula, so such a cell gets a leading '.
 */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const lines = new Array<string>(rows.length + 1);
	lines[0] = header.map(csvCell).join(',');
	for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i].map(csvCell).join(',');
	return BOM + lines.join('\r\n') + '\r\n';
}
