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
		if (fields.length !== IMPORT_COLUMNS.length) {
			problems.push({
				line,
				reason: `${fields.length} columns instead of ${IMPORT_COLUMNS.length}.`
			});
			continue;
		}
		const [userId, firstName, lastName, email, groupList] = fields;
		const names = groupList
			.split(';')
			.map((n) => n.trim())
			.filter(Boolean);
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
