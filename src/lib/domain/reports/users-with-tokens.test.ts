import { describe, expect, it } from 'vitest';
import { generateWorld, inventoryToken } from '../seed';
import type { Token, User, VirtualServer } from '../types';
import {
	COLUMNS,
	filterRows,
	rowCells,
	sortRows,
	targetOptions,
	usersWithTokens
} from './users-with-tokens';

const world = generateWorld({ seed: 'report-test', users: 200 }, () => 'SECRET');
const acmeUsers = world.users.filter((u) => u.serverId === 'acme');
const acmeTokens = world.tokens.filter((t) => t.serverId === 'acme');

function user(id: string, over: Partial<User> = {}): User {
	return {
		id,
		serverId: 's',
		userId: id,
		firstName: 'F',
		lastName: 'L',
		email: `${id}@x`,
		groupIds: [],
		...over
	};
}
function token(serial: string, over: Partial<Token> = {}): Token {
	return { ...inventoryToken({ id: 's', otpDigits: 6 } as VirtualServer, serial), ...over };
}

describe('usersWithTokens', () => {
	it('gives one row per (user, token) and no row for Inventory tokens', () => {
		const report = usersWithTokens(acmeUsers, acmeTokens);
		const held = acmeTokens.filter((t) => t.userId);
		expect(report.rows).toHaveLength(held.length);
		expect(new Set(report.rows.map((r) => r.serial))).toEqual(new Set(held.map((t) => t.serial)));
		for (const r of report.rows) {
			const t = acmeTokens.find((x) => x.serial === r.serial)!;
			const u = acmeUsers.find((x) => x.id === t.userId)!;
			expect([r.userId, r.email, r.state, r.app, r.pushOtp]).toEqual([
				u.userId,
				u.email,
				t.state,
				t.app,
				t.pushOtp
			]);
		}
	});

	it('lists a user with two tokens twice and counts users without tokens', () => {
		const users = [user('a'), user('b'), user('c')];
		const tokens = [
			token('1', { userId: 'a', state: 'Active', app: 'MobilePASS 8' }),
			token('2', { userId: 'a', state: 'Assigned' }),
			token('3', { userId: 'b', state: 'Active', app: 'MobilePASS+' }),
			token('4')
		];
		const report = usersWithTokens(users, tokens);
		expect(report.rows.map((r) => [r.userId, r.serial])).toEqual([
			['a', '1'],
			['a', '2'],
			['b', '3']
		]);
		expect(report.usersWithoutTokens).toBe(1);
		expect(report.users).toBe(3);
	});

	it('shows an Assigned token with blank app, target, device and push, and a formatted date', () => {
		const r = usersWithTokens(
			[user('a')],
			[
				token('1', { userId: 'a', state: 'Assigned' }),
				token('2', {
					userId: 'a',
					state: 'Active',
					app: 'MobilePASS+',
					target: 'iOS',
					deviceType: 'Mobile',
					pushOtp: 'Enabled',
					enrolledAt: Date.UTC(2026, 2, 2, 13, 5, 9)
				})
			]
		).rows;
		expect(rowCells(r[0])).toEqual([
			'a',
			'L',
			'F',
			'a@x',
			'1',
			'MobilePASS',
			'Assigned',
			'',
			'',
			'',
			'',
			''
		]);
		expect(rowCells(r[1]).slice(7)).toEqual([
			'MobilePASS+',
			'iOS',
			'Mobile',
			'Enabled',
			'2026/03/02 01:05:09 PM'
		]);
		expect(rowCells(r[1])).toHaveLength(COLUMNS.length);
	});
});

describe('filterRows', () => {
	const rows = usersWithTokens(acmeUsers, acmeTokens).rows;
	it('filters by app, state, Push OTP, Target OS and group, each matching the world', () => {
		expect(filterRows(rows, { app: 'MobilePASS+' })).toHaveLength(
			acmeTokens.filter((t) => t.userId && t.app === 'MobilePASS+').length
		);
		expect(filterRows(rows, { pushOtp: 'Enabled' })).toHaveLength(
			acmeTokens.filter((t) => t.userId && t.pushOtp === 'Enabled').length
		);
		expect(filterRows(rows, { state: 'Active' }).every((r) => r.state === 'Active')).toBe(true);
		const ios = filterRows(rows, { target: 'iOS' });
		expect(ios.length).toBeGreaterThan(0);
		expect(ios.every((r) => r.target === 'iOS')).toBe(true);
		const g = acmeUsers[0].groupIds[0];
		const inGroup = new Set(acmeUsers.filter((u) => u.groupIds.includes(g)).map((u) => u.id));
		const grouped = filterRows(rows, { groupId: g });
		expect(grouped.length).toBeGreaterThan(0);
		expect(grouped.every((r) => inGroup.has(r.userKey))).toBe(true);
		expect(filterRows(rows, { state: 'Suspended' })).toEqual([]);
	});
	it("matches 'none' to a blank field (a token not enrolled yet)", () => {
		const r = usersWithTokens([user('a')], [token('1', { userId: 'a', state: 'Assigned' })]).rows;
		expect(filterRows(r, { app: 'none' })).toHaveLength(1);
		expect(filterRows(r, { app: 'MobilePASS 8' })).toHaveLength(0);
	});
	it('searches user ID, names, email and serial, ignoring case', () => {
		const someone = rows[5];
		expect(filterRows(rows, { search: someone.serial }).map((r) => r.serial)).toEqual([
			someone.serial
		]);
		expect(
			filterRows(rows, { search: someone.email.toUpperCase() }).some(
				(r) => r.serial === someone.serial
			)
		).toBe(true);
		expect(filterRows(rows, { search: 'no such person' })).toEqual([]);
	});
	it('offers the OS types present', () => {
		expect(targetOptions(rows)).toEqual([...new Set(targetOptions(rows))].sort());
		expect(targetOptions(rows)).toContain('iOS');
	});
});

describe('sortRows', () => {
	const rows = usersWithTokens(acmeUsers, acmeTokens).rows;
	it('sorts by a column either way', () => {
		const asc = sortRows(rows, { key: 'serial', direction: 'ascending' }).map((r) => r.serial);
		expect(asc).toEqual([...asc].sort());
		const desc = sortRows(rows, { key: 'enrolledAt', direction: 'descending' });
		for (let i = 1; i < desc.length; i++)
			expect(desc[i - 1].enrolledAt!).toBeGreaterThanOrEqual(desc[i].enrolledAt!);
	});
	it('puts blanks last in both directions', () => {
		const r = usersWithTokens(
			[user('a'), user('b')],
			[
				token('1', { userId: 'a', state: 'Assigned' }),
				token('2', { userId: 'b', state: 'Active', app: 'MobilePASS 8', enrolledAt: 5 })
			]
		).rows;
		for (const direction of ['ascending', 'descending'] as const)
			expect(sortRows(r, { key: 'enrolledAt', direction }).map((x) => x.serial)).toEqual([
				'2',
				'1'
			]);
	});
	it('does not change the rows it is given', () => {
		const before = rows.map((r) => r.serial);
		sortRows(rows, { key: 'email', direction: 'descending' });
		expect(rows.map((r) => r.serial)).toEqual(before);
	});
});
