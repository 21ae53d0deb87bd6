import * as v from 'valibot';
import { AUDIT } from './audit-actions';
import { parseCsv } from './csv';
import { LIMITS, tooManyUsers } from './limits';
import { accepted, put, refused, type Outcome } from './outcome';
import { randomId } from './random';
import type { Group, User } from './types';
import { userProblems, type UserInput } from './users';

/** The columns a user import file has, in this order, with this header line. */
export const IMPORT_COLUMNS = ['User ID', 'First Name', 'Last Name', 'Email', 'Groups'] as const;
export const IMPORT_EXAMPLE =
	'User ID,First Name,Last Name,Email,Groups\n' +
	'jdoe,Jane,Doe,jane.doe@example.com,Sales\n' +
	'"mrossi",Mario,Rossi,mario.rossi@example.com,"Sales;Engineering"';

/**
 * One field of a row: trimmed text on one line, at most `max` characters (what a world file
 * holds for that field, so an imported user can be exported and imported again). The field's
 * rules (a valid User ID, Email) are the domain's userProblems, shared with the user form; they
 * run after this schema.
 */
const field = (column: (typeof IMPORT_COLUMNS)[number], max = 200) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.check((s) => !/[\r\n]/.test(s), `${column} must be on one line.`),
		v.maxLength(max, (issue) => `${column} has ${issue.received} characters; at most ${max}.`)
	);

/** A row of a user import file: the five columns, by name; Groups named, separated by ";". */
export const IMPORT_ROW = v.pipe(
	v.array(v.string()),
	v.check(
		(fields) => fields.length === IMPORT_COLUMNS.length,
		(issue) => `${issue.input.length} columns instead of ${IMPORT_COLUMNS.length}.`
	),
	v.transform(([userId, firstName, lastName, email, groups]) => ({
		userId,
		firstName,
		lastName,
		email,
		groups
	})),
	v.object({
		userId: field('User ID'),
		firstName: field('First Name'),
		lastName: field('Last Name'),
		email: field('Email', 254),
		groups: v.pipe(
			field('Groups', 2000),
			v.transform((list) =>
				list
					.split(';')
					.map((n) => n.trim())
					.filter(Boolean)
			)
		)
	})
);
export type ImportRow = v.InferOutput<typeof IMPORT_ROW>;

export interface ImportProblem {
	line: number;
	reason: string;
}

export interface ImportCheck {
	users: UserInput[];
	problems: ImportProblem[];
}

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Reads a user import file against the virtual server's users and groups. Every bad row is
 * reported with its line number; user IDs must be new to the server and to the file. Groups are
 * named (separated by ";") and must exist.
 */
export function checkUserImport(
	text: string,
	existing: readonly User[],
	groups: readonly Group[]
): ImportCheck {
	const { records, error } = parseCsv(text);
	if (error) return { users: [], problems: [{ line: 0, reason: error }] };
	if (records.length === 0)
		return { users: [], problems: [{ line: 1, reason: 'The file is empty.' }] };
	const [header, ...rows] = records;
	const expected = IMPORT_COLUMNS.map(normalise);
	if (header.fields.map(normalise).join() !== expected.join())
		return {
			users: [],
			problems: [
				{
					line: header.line,
					reason: `The first line must be the header "${IMPORT_COLUMNS.join(',')}".`
				}
			]
		};
	if (rows.length === 0)
		return { users: [], problems: [{ line: header.line, reason: 'The file has no users.' }] };
	// Checked before the rows: the sandbox is built for this many users per virtual server.
	if (existing.length + rows.length > LIMITS.usersPerServer)
		return {
			users: [],
			problems: [
				{ line: 0, reason: tooManyUsers('This virtual server', existing.length + rows.length) }
			]
		};

	const groupByName = new Map(groups.map((g) => [g.name.toLowerCase(), g]));
	const taken = new Set(existing.map((u) => u.userId.toLowerCase()));
	const inFile = new Map<string, number>();
	const users: UserInput[] = [];
	const problems: ImportProblem[] = [];
	for (const { line, fields } of rows) {
		const parsed = v.safeParse(IMPORT_ROW, fields);
		if (!parsed.success) {
			problems.push({ line, reason: parsed.issues.map((i) => i.message).join(' ') });
			continue;
		}
		const { userId, firstName, lastName, email, groups: names } = parsed.output;
		const missing = names.filter((n) => !groupByName.has(n.toLowerCase()));
		const input: UserInput = {
			userId,
			firstName,
			lastName,
			email,
			groupIds: names.flatMap((n) => groupByName.get(n.toLowerCase())?.id ?? [])
		};
		const reasons = userProblems(input, taken, groups);
		if (missing.length)
			reasons.push(`No group named ${missing.join(', ')} in this virtual server.`);
		const earlier = inFile.get(userId.toLowerCase());
		if (userId && earlier !== undefined)
			reasons.push(`User ID "${userId}" is also on line ${earlier}.`);
		else if (userId) inFile.set(userId.toLowerCase(), line);
		if (reasons.length) problems.push({ line, reason: reasons.join(' ') });
		else users.push(input);
	}
	return { users, problems };
}

/** Import users from a CSV file: all of them, or none while any row is bad. */
export function importUsers(
	serverId: string,
	fileName: string,
	text: string,
	existing: readonly User[],
	groups: readonly Group[]
): Outcome {
	const note = { action: AUDIT.importUsers, target: fileName };
	const { users, problems } = checkUserImport(text, existing, groups);
	if (problems.length)
		return refused(
			`Nothing was imported: ${problems.length} bad row(s) in ${fileName}. ` +
				problems
					.slice(0, 3)
					.map((p) => (p.line ? `Line ${p.line}: ${p.reason}` : p.reason))
					.join(' ') +
				(problems.length > 3 ? ' …' : ''),
			note
		);
	const changes = users.map((u) => put('users', { id: randomId(), serverId, ...u }));
	return accepted(changes, {
		...note,
		detail: `Imported ${users.length} user(s) from ${fileName}`
	});
}
