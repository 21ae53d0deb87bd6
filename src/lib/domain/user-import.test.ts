import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseCsv } from './csv';
import { fixture } from './test-fixtures';
import type { Group, User } from './types';
import {
	checkUserImport,
	IMPORT_EXAMPLE,
	IMPORT_ROW,
	importUsers,
	type ImportRow
} from './user-import';

const groups: Group[] = [
	{ id: 'g1', serverId: 's', name: 'Sales' },
	{ id: 'g2', serverId: 's', name: 'Engineering' }
];
// Alice Ng (user ID ang) of the shared fixture, in a virtual server "s".
const existing: User[] = [{ ...fixture().user, id: 'u1', serverId: 's', email: 'ang@example.com' }];
const HEADER = 'User ID,First Name,Last Name,Email,Groups';

describe('CSV parsing', () => {
	it('reads quotes, commas and line breaks inside quotes, CRLF, and skips blank lines', () => {
		const { records, error } = parseCsv('a,"b, c","say ""hi"""\r\n\r\n"multi\nline",x\ny,z');
		expect(error).toBeNull();
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b, c', 'say "hi"'] },
			{ line: 3, fields: ['multi\nline', 'x'] },
			{ line: 5, fields: ['y', 'z'] }
		]);
	});

	it('reports a quote that is never closed, by its line', () => {
		expect(parseCsv('a,b\n"open,c\nd').error).toMatch(/Line 2: a quoted field is never closed/);
	});
});

describe('user import', () => {
	it('accepts the example file, with groups by name', () => {
		const check = checkUserImport(IMPORT_EXAMPLE, existing, groups);
		expect(check.problems).toEqual([]);
		expect(check.users.map((u) => [u.userId, u.groupIds])).toEqual([
			['jdoe', ['g1']],
			['mrossi', ['g1', 'g2']]
		]);
		const out = importUsers('s', 'users.csv', IMPORT_EXAMPLE, existing, groups);
		expect(out.ok && out.changes).toHaveLength(2);
	});

	it('lists every bad row with its line number and reason, and imports nothing', () => {
		const file = [
			HEADER,
			'ok1,Ok,One,ok1@example.com,',
			'ang,Dup,Server,dup@example.com,',
			'bad,Bad,Mail,not-an-email,',
			'',
			'ok1,Dup,File,ok1b@example.com,',
			'grp,No,Group,grp@example.com,Marketing',
			'short,row'
		].join('\n');
		const check = checkUserImport(file, existing, groups);
		expect(check.problems).toEqual([
			{ line: 3, reason: expect.stringMatching(/"ang" is already used/) },
			{ line: 4, reason: expect.stringMatching(/not a valid address/) },
			{ line: 6, reason: expect.stringMatching(/also on line 2/) },
			{ line: 7, reason: expect.stringMatching(/No group named Marketing/) },
			{ line: 8, reason: '2 columns instead of 5.' }
		]);
		const out = importUsers('s', 'users.csv', file, existing, groups);
		expect(out).toMatchObject({ ok: false });
		if (!out.ok) expect(out.reason).toMatch(/^Nothing was imported: 5 bad row\(s\) in users.csv/);
	});

	it('refuses a file without the header, or without users', () => {
		expect(checkUserImport('jdoe,Jane,Doe,j@x.io,', existing, groups).problems[0]).toMatchObject({
			line: 1,
			reason: expect.stringMatching(/header/)
		});
		expect(checkUserImport(HEADER + '\n', existing, groups).problems[0].reason).toMatch(/no users/);
		expect(checkUserImport('', existing, groups).problems[0].reason).toMatch(/empty/);
	});

	it('describes a row with a schema whose messages name the field', () => {
		const long = 'x'.repeat(201);
		const file = [
			HEADER,
			`long,${long},Name,long@example.com,`,
			`mail,Ok,Mail,${'m'.repeat(250)}@example.com,`,
			'"two\nlines",Two,Lines,two@example.com,',
			'ok2,Ok,Two,ok2@example.com, Sales ; ;Engineering '
		].join('\n');
		const check = checkUserImport(file, existing, groups);
		expect(check.problems).toEqual([
			{ line: 2, reason: 'First Name has 201 characters; at most 200.' },
			{ line: 3, reason: 'Email has 262 characters; at most 254.' },
			{ line: 4, reason: 'User ID must be on one line.' }
		]);
		// Groups are named, separated by ";", blanks around and between them left out.
		expect(check.users).toEqual([
			{
				userId: 'ok2',
				firstName: 'Ok',
				lastName: 'Two',
				email: 'ok2@example.com',
				groupIds: ['g1', 'g2']
			}
		]);
	});

	it('reads a row into the type its schema derives', () => {
		const row = v.parse(IMPORT_ROW, ['jdoe', 'Jane', 'Doe', 'j@x.io', 'Sales;Engineering']);
		expectTypeOf<ImportRow>().toEqualTypeOf<{
			userId: string;
			firstName: string;
			lastName: string;
			email: string;
			groups: string[];
		}>();
		expect(row).toEqual({
			userId: 'jdoe',
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'j@x.io',
			groups: ['Sales', 'Engineering']
		});
		expect(v.safeParse(IMPORT_ROW, ['short', 'row']).issues?.[0].message).toBe(
			'2 columns instead of 5.'
		);
	});
});
