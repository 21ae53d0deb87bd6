import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { LIMITS } from './limits';
import { checkUserImport } from './user-import';

describe('CSV, strictly RFC 4180 for quoted fields', () => {
	it('reports text after a closing quote instead of gluing it on', () => {
		const r = parseCsv('User ID,Name\n"Bob"x,y');
		expect(r.error).toBe(
			'Line 2: text after the closing quote of a field ("Bob"x…): quote the whole field, and write a quote inside it as "".'
		);
	});

	it('still reads a quoted field followed by a comma, a line break, spaces or the end', () => {
		const r = parseCsv('"a","b" ,"c"\r\n"d"');
		expect(r.error).toBeNull();
		expect(r.records.map((x) => x.fields)).toEqual([['a', 'b', 'c'], ['d']]);
	});

	it('names the line of the bad field, counting line breaks inside quotes', () => {
		expect(parseCsv('"multi\nline",x\n"ok""quoted" z').error).toMatch(/^Line 3: /);
	});
});

describe('user import size limit', () => {
	it('refuses a file that would take a virtual server over the limit, naming it', () => {
		const rows = Array.from(
			{ length: LIMITS.usersPerServer + 1 },
			(_, i) => `u${i},F,L,u${i}@x.example,`
		);
		const text = ['User ID,First Name,Last Name,Email,Groups', ...rows].join('\n');
		const r = checkUserImport(text, [], []);
		expect(r.users).toEqual([]);
		expect(r.problems).toEqual([
			{
				line: 0,
				reason: expect.stringMatching(
					/12,001 users; the sandbox is built for at most 12,000 users per virtual server/
				)
			}
		]);
	});
});
