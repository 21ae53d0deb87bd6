import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from './csv';

describe('csvCell', () => {
	it('leaves plain text alone', () => {
		expect(csvCell('Alice Ng')).toBe('Alice Ng');
		expect(csvCell('')).toBe('');
	});
	it('quotes commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
		expect(csvCell('Ng, Alice')).toBe('"Ng, Alice"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
		expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
	});
	it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
		'prefixes a formula-like cell %j with a quote',
		(v) => {
			expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
		}
	);
	it('neutralises and quotes a HYPERLINK formula', () => {
		expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(
			`"'=HYPERLINK(""http://evil.example"",""Click"")"`
		);
	});
	it('keeps a minus or equals inside a value', () => {
		expect(csvCell('ng-2')).toBe('ng-2');
		expect(csvCell('a=b')).toBe('a=b');
	});
});

describe('toCsv', () => {
	it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
		const csv = toCsv(
			['A', 'B'],
			[
				['1', '2'],
				['Zoë', 'x,y']
			]
		);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv).toBe(`${BOM}A,B\r\n1,2\r\nZoë,"x,y"\r\n`);
		expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
	});
	it('gives a header alone when there are no rows', () => {
		expect(toCsv(['User ID'], [])).toBe(`${BOM}User ID\r\n`);
	});
});
