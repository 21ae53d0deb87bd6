/** One CSV record, with the line of the file it starts on (1 = the first line). */
export interface CsvRecord {
	line: number;
	fields: string[];
}

/**
 * Parses CSV as spreadsheets write it (RFC 4180): commas, double quotes around fields that
 * hold commas, quotes ("" inside) or line breaks; CRLF or LF. Blank lines are skipped. A quote
 * left open is reported by the line it opened on, and text after a closing quote (`"Bob"x`) by
 * its line, since a half-read or misread file must not import. Spaces around a quoted field are
 * allowed (spreadsheets trim them anyway).
 */
export function parseCsv(text: string): { records: CsvRecord[]; error: string | null } {
	const records: CsvRecord[] = [];
	const src = text.replace(/^\uFEFF/, '');
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	/** Just after a closing quote: only a comma, a line break, spaces or the end may follow. */
	let closed = false;
	let line = 1;
	let recordLine = 1;
	let quoteLine = 0;
	const endRecord = () => {
		fields.push(field);
		if (fields.length > 1 || fields[0].trim() !== '')
			records.push({ line: recordLine, fields: fields.map((f) => f.trim()) });
		fields = [];
		field = '';
		closed = false;
	};
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
				closed = true;
			} else {
				if (c === '\n') line++;
				field += c;
			}
		} else if (closed && c !== ',' && c !== '\n' && c !== '\r') {
			if (c === ' ' || c === '\t') continue;
			const shown = field.length > 20 ? `${field.slice(0, 20)}…` : field;
			return {
				records,
				error: `Line ${line}: text after the closing quote of a field ("${shown}"${c}…): quote the whole field, and write a quote inside it as "".`
			};
		} else if (c === '"' && field.trim() === '') {
			quoted = true;
			field = '';
			quoteLine = line;
		} else if (c === ',') {
			fields.push(field);
			field = '';
			closed = false;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else field += c;
	}
	if (quoted) return { records, error: `Line ${quoteLine}: a quoted field is never closed.` };
	endRecord();
	return { records, error: null };
}
