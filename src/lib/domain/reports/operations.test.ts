import { describe, expect, it } from 'vitest';
import { AUDIT } from '../audit-actions';
import { DAY, WORLD_START } from '../clock';
import { TOKEN_STATES, type AuditEvent, type Enrollment, type ProvisioningTask } from '../types';
import { authenticationActivity } from './authentication-activity';
import { provisioningStatus } from './provisioning-status';
import { inventoryTotals, tokenInventory } from './token-inventory';

describe('tokenInventory', () => {
	it('counts each state, split by app', () => {
		const lines = tokenInventory([
			{ state: 'Active', app: 'MobilePASS 8' },
			{ state: 'Active', app: 'MobilePASS+' },
			{ state: 'Active', app: 'MobilePASS+' },
			{ state: 'Inventory', app: null },
			{ state: 'Assigned', app: null }
		]);
		expect(lines.find((l) => l.state === 'Active')).toEqual({
			state: 'Active',
			mobilePass8: 1,
			mobilePassPlus: 2,
			notEnrolled: 0,
			total: 3
		});
		// One line per state, in the order the console lists them.
		expect(lines.map((l) => l.state)).toEqual([...TOKEN_STATES]);
		expect(inventoryTotals(lines)).toEqual({
			mobilePass8: 1,
			mobilePassPlus: 2,
			notEnrolled: 2,
			total: 5
		});
	});
});

describe('provisioningStatus', () => {
	const task = (id: string, number: number): ProvisioningTask => ({
		id,
		serverId: 'acme',
		number,
		operator: 'op',
		startDate: WORLD_START,
		stopDate: WORLD_START + 7 * DAY
	});
	const enrollment = (id: string, taskId: string, userId: string, status: Enrollment['status']) =>
		({ id, taskId, userId, status, serial: id, email: `${userId}@x` }) as Enrollment;
	const users = [
		{ id: 'u1', userId: 'ang', firstName: 'Alice', lastName: 'Ng' },
		{ id: 'u2', userId: 'bsilva', firstName: 'Bruno', lastName: 'Silva' }
	];
	const tasks = [task('T1', 1), task('T2', 2)];
	const enrollments = [
		enrollment('e1', 'T1', 'u1', 'Completed'),
		enrollment('e2', 'T1', 'u2', 'Active'),
		enrollment('e3', 'T2', 'u2', 'Removed')
	];
	it('lists tasks newest first with each user’s status', () => {
		const s = provisioningStatus(tasks, enrollments, users, WORLD_START);
		expect(s.map((x) => x.task.number)).toEqual([2, 1]);
		expect(s[1].lines.map((l) => [l.userId, l.name, l.status])).toEqual([
			['ang', 'Alice Ng', 'Completed'],
			['bsilva', 'Bruno Silva', 'Active']
		]);
		expect(s[1].byStatus).toMatchObject({ Completed: 1, Active: 1, Expired: 0 });
		expect(s[0].count).toBe(1);
	});
	it('shows Expired once the simulated clock passes the stop date', () => {
		const s = provisioningStatus(tasks, enrollments, users, WORLD_START + 8 * DAY);
		expect(s[1].byStatus).toMatchObject({ Completed: 1, Active: 0, Expired: 1 });
		expect(s[1].lines[1].status).toBe('Expired');
	});
});

describe('authenticationActivity', () => {
	const row = (action: string, user: string, outcome: AuditEvent['outcome'] = 'Success') => ({
		action,
		user,
		outcome
	});
	it('counts sign-ins by outcome, push approvals and denials, and lockouts, per user', () => {
		const a = authenticationActivity([
			row(AUDIT.signIn, 'ang'),
			row(AUDIT.signIn, 'ang', 'Refused'),
			row(AUDIT.signIn, 'bsilva', 'Refused'),
			row(AUDIT.pushApproved, 'ang'),
			row(AUDIT.pushDenied, 'bsilva'),
			row(AUDIT.pushDenied, 'bsilva', 'Refused'),
			row(AUDIT.tokenLocked, 'bsilva'),
			row(AUDIT.provision, 'ang'),
			row('Suspend', 'ang')
		]);
		expect(a.total).toEqual({
			signInSuccess: 1,
			signInRefused: 2,
			pushApproved: 1,
			pushDenied: 1,
			lockouts: 1
		});
		expect(a.byUser).toEqual([
			{
				user: 'ang',
				signInSuccess: 1,
				signInRefused: 1,
				pushApproved: 1,
				pushDenied: 0,
				lockouts: 0
			},
			{
				user: 'bsilva',
				signInSuccess: 0,
				signInRefused: 1,
				pushApproved: 0,
				pushDenied: 1,
				lockouts: 1
			}
		]);
	});
	it('is all zeros with no activity', () => {
		expect(authenticationActivity([]).total).toEqual({
			signInSuccess: 0,
			signInRefused: 0,
			pushApproved: 0,
			pushDenied: 0,
			lockouts: 0
		});
	});
});
