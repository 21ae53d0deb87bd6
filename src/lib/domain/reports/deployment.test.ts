import { describe, expect, it } from 'vitest';
import { AUDIT } from '../audit-actions';
import { DAY, HOUR, WORLD_START } from '../clock';
import { LIFECYCLE } from '../lifecycle';
import { generateWorld } from '../seed';
import type { AuditEvent, Enrollment, Token } from '../types';
import {
	deviceTypeCounts,
	inventoryDelta,
	inventoryOverTime,
	migrationProgress,
	migrationStageOf,
	openEnrollmentUsers,
	pushOtpStates,
	targetOsCounts
} from './deployment';

const t = (state: Token['state'], app: Token['app'] = null) => ({ state, app });

describe('migrationStageOf', () => {
	it.each([
		[[t('Active', 'MobilePASS 8')], false, 'MobilePASS 8 only'],
		[[t('Active', 'MobilePASS 8'), t('Assigned')], false, 'MobilePASS+ pending'],
		[[t('Active', 'MobilePASS 8')], true, 'MobilePASS+ pending'],
		[[t('Active', 'MobilePASS+')], false, 'MobilePASS+ active'],
		[[t('Suspended', 'MobilePASS+')], false, 'MobilePASS+ active'],
		[[t('Active', 'MobilePASS 8'), t('Locked', 'MobilePASS+')], false, 'Both'],
		[[], false, 'None'],
		[[], true, 'MobilePASS+ pending']
	] as const)('%j, open enrollment %s → %s', (tokens, open, stage) => {
		expect(migrationStageOf([...tokens], open)).toBe(stage);
	});
});

describe('migration progress on a mid-migration world', () => {
	const w = generateWorld({ seed: 'dash', users: 200 }, () => 'S');
	const users = w.users.filter((u) => u.serverId === 'acme');
	const tokens = w.tokens.filter((x) => x.serverId === 'acme');
	it('partitions the users: 40% MobilePASS 8 only, 10% both, 10% MobilePASS+ only, 40% none', () => {
		const c = Object.fromEntries(
			migrationProgress(users, tokens, new Set()).map((x) => [x.label, x.count])
		);
		expect(c).toEqual({
			'MobilePASS 8 only': 80,
			'MobilePASS+ pending': 0,
			'MobilePASS+ active': 20,
			Both: 20,
			None: 80
		});
	});
	it('counts Push OTP, Target OS and Device Type over enrolled tokens', () => {
		const enrolled = tokens.filter((x) => x.userId);
		const push = pushOtpStates(tokens);
		expect(push.reduce((n, c) => n + c.count, 0)).toBe(enrolled.length);
		expect(push.find((c) => c.label === 'Not Applicable')!.count).toBe(
			enrolled.filter((x) => x.app === 'MobilePASS 8').length
		);
		expect(targetOsCounts(tokens).reduce((n, c) => n + c.count, 0)).toBe(enrolled.length);
		expect(
			deviceTypeCounts(tokens)
				.map((c) => c.label)
				.sort()
		).toEqual(
			['Desktop', 'Mobile', 'Tablet'].filter((d) => enrolled.some((x) => x.deviceType === d))
		);
		const top = deviceTypeCounts(tokens, 1);
		expect(top).toHaveLength(2);
		expect(top[1].label).toBe('Other');
		expect(top.reduce((n, c) => n + c.count, 0)).toBe(enrolled.length);
		expect(top[0].count).toBeGreaterThanOrEqual(top[1].count);
	});
});

describe('openEnrollmentUsers', () => {
	const e = (userId: string, status: Enrollment['status']) =>
		({ userId, status, taskId: 'T' }) as Enrollment;
	it('keeps Active enrollments until the stop date passes', () => {
		const tasks = [{ id: 'T', stopDate: WORLD_START + DAY }];
		const list = [e('a', 'Active'), e('b', 'Completed'), e('c', 'Removed')];
		expect(openEnrollmentUsers(list, tasks, WORLD_START)).toEqual(new Set(['a']));
		expect(openEnrollmentUsers(list, tasks, WORLD_START + 2 * DAY)).toEqual(new Set());
	});
});

function audit(over: Partial<AuditEvent>): AuditEvent {
	return {
		serverId: 'acme',
		at: WORLD_START,
		operator: 'op',
		action: '',
		target: '',
		serial: null,
		user: null,
		outcome: 'Success',
		detail: '',
		...over
	};
}

describe('inventoryDelta', () => {
	it.each([
		[audit({ action: AUDIT.provision, serial: '1' }), -1],
		[audit({ action: AUDIT.provision, serial: '1', outcome: 'Refused' }), 0],
		[audit({ action: AUDIT.removeFromTask, serial: '1' }), 1],
		[
			audit({
				action: LIFECYCLE.revokeToInventory.label,
				serial: '1',
				detail: 'Active → Inventory'
			}),
			1
		],
		[
			audit({
				action: LIFECYCLE.revokeToInventory.label,
				serial: '1',
				detail: 'Active → Inventory (migration clean-up: the user has an Active MobilePASS+ token)'
			}),
			1
		],
		[
			audit({
				action: AUDIT.tokenLocked,
				serial: '1',
				detail: '5 failed sign-ins (threshold 5): Active → Locked'
			}),
			0
		],
		[
			audit({
				action: LIFECYCLE.revokeLostFaulty.label,
				serial: '1',
				detail: 'Active → Lost/Faulty'
			}),
			0
		],
		[
			audit({
				action: LIFECYCLE.reinitialize.label,
				serial: '1',
				detail: 'Lost/Faulty → Inventory'
			}),
			1
		],
		[audit({ action: LIFECYCLE.suspend.label, detail: 'Active → Suspended' }), 0],
		[audit({ action: AUDIT.changeStopDate, detail: '2026/03/09 → 2026/03/10' }), 0],
		[audit({ action: AUDIT.enroll, detail: 'whatever' }), 0]
	])('%#: %j → %d', (e, d) => expect(inventoryDelta(e)).toBe(d));
});

describe('inventoryOverTime', () => {
	it('rebuilds the past from today’s count and the audit trail', () => {
		const rows = [
			audit({ at: WORLD_START + 2 * HOUR, action: AUDIT.provision, serial: '1' }),
			audit({ at: WORLD_START + 2 * HOUR, action: AUDIT.provision, serial: '2' }),
			audit({
				at: WORLD_START + 3 * HOUR,
				action: 'Revoke (return to inventory)',
				serial: '9',
				detail: 'Active → Inventory'
			}),
			audit({
				at: WORLD_START + 1 * HOUR,
				action: AUDIT.provision,
				serial: '3',
				outcome: 'Refused'
			})
		];
		expect(inventoryOverTime(39, rows, WORLD_START, WORLD_START + 5 * HOUR)).toEqual([
			{ at: WORLD_START, inventory: 40 },
			{ at: WORLD_START + 2 * HOUR, inventory: 38 },
			{ at: WORLD_START + 3 * HOUR, inventory: 39 },
			{ at: WORLD_START + 5 * HOUR, inventory: 39 }
		]);
	});
	it('is a flat line when nothing has happened', () => {
		expect(inventoryOverTime(40, [], WORLD_START, WORLD_START + HOUR)).toEqual([
			{ at: WORLD_START, inventory: 40 },
			{ at: WORLD_START + HOUR, inventory: 40 }
		]);
	});
});
