import { describe, expect, it } from 'vitest';
import {
	bearsOnCleanup,
	cleanupEntries,
	migratedMobilePass8,
	revokeMigratedMobilePass8
} from './cleanup';
import { inventoryToken } from './seed';
import type { MobileApp, Token, TokenState, User, VirtualServer } from './types';

const server = { id: 's', otpDigits: 6 } as VirtualServer;
const token = (serial: string, userId: string, app: MobileApp, state: TokenState): Token => ({
	...inventoryToken(server, serial),
	userId,
	app,
	state,
	secret: 'SECRET'
});
const user = (id: string) => ({ id, userId: `login-${id}` }) as User;
const users = new Map(['a', 'b', 'c', 'd'].map((id) => [id, user(id)]));

// a: migrated (MP8 Active + MP+ Active); b: MP+ only Suspended; c: MP8 only; d: migrated, MP8 Locked
const world = [
	token('1000000001', 'a', 'MobilePASS 8', 'Active'),
	token('1000000002', 'a', 'MobilePASS+', 'Active'),
	token('1000000003', 'b', 'MobilePASS 8', 'Active'),
	token('1000000004', 'b', 'MobilePASS+', 'Suspended'),
	token('1000000005', 'c', 'MobilePASS 8', 'Active'),
	token('1000000006', 'd', 'MobilePASS 8', 'Locked'),
	token('1000000007', 'd', 'MobilePASS+', 'Active')
];

describe('migration clean-up', () => {
	it('lists the MobilePASS 8 tokens of users with an Active MobilePASS+ token only', () => {
		const list = migratedMobilePass8(world, users);
		expect(list.map((m) => [m.token.serial, m.user?.userId, m.replacement.serial])).toEqual([
			['1000000001', 'login-a', '1000000002'],
			['1000000006', 'login-d', '1000000007']
		]);
	});

	it('replaces with the last Active MobilePASS+ token by serial, whatever the order read', () => {
		const second = token('1000000000', 'a', 'MobilePASS+', 'Active');
		for (const tokens of [[...world, second], [second, ...world], [...world].reverse()])
			expect(migratedMobilePass8(tokens, users)[0].replacement.serial).toBe('1000000002');
	});

	it('gives the rows of the list the store keeps beside the world', () => {
		expect(cleanupEntries(world)).toEqual([
			{ serial: '1000000001', serverId: 's', userId: 'a', replacement: '1000000002' },
			{ serial: '1000000006', serverId: 's', userId: 'd', replacement: '1000000007' }
		]);
	});

	it("says which tokens, before or after a write, bear on their user's rows", () => {
		expect(world.map(bearsOnCleanup)).toEqual([true, true, true, false, true, true, true]);
		expect(bearsOnCleanup({ ...world[0], userId: null })).toBe(false);
		expect(bearsOnCleanup(token('1000000008', 'e', 'MobilePASS+', 'Assigned'))).toBe(false);
	});

	it('revokes them to Inventory in one outcome, one audit note per token', () => {
		const out = revokeMigratedMobilePass8(['1000000001', '1000000006'], world, users);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		expect(out.changes).toHaveLength(2);
		for (const c of out.changes)
			expect(c).toMatchObject({
				table: 'tokens',
				put: { state: 'Inventory', userId: null, secret: null, app: null }
			});
		expect(out.audit.map((a) => a.user)).toEqual(['login-a', 'login-d']);
	});

	it('refuses, changing nothing, when the list changed since the preview', () => {
		const out = revokeMigratedMobilePass8(['1000000001', '1000000005'], world, users);
		expect(out).toMatchObject({ ok: false });
		if (!out.ok) expect(out.reason).toMatch(/1000000005 no longer qualify/);
	});

	it('refuses an empty list', () => {
		expect(revokeMigratedMobilePass8([], world, users).ok).toBe(false);
	});
});
