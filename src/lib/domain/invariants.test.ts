import { describe, expect, it } from 'vitest';
import { WORLD_START } from './clock';
import { checkAudit, checkStep, checkWorld, type Rule } from './invariants';
import { generateWorld } from './seed';
import type { World } from './types';

const seeded = () => generateWorld({ seed: 'acme-demo', users: 25 });
const rules = (w: World) => checkWorld(w, WORLD_START).map((v) => v.rule);
const clone = (w: World): World => structuredClone(w);

function withToken(w: World, state: string, change: Record<string, unknown>) {
	const t = w.tokens.find((t) => t.state === state)!;
	Object.assign(t, change);
	return t;
}

describe('checkWorld', () => {
	it('finds nothing wrong with a seeded world, small or large', () => {
		expect(checkWorld(seeded(), WORLD_START)).toEqual([]);
		expect(checkWorld(generateWorld({ seed: 'x', users: 300 }), WORLD_START)).toEqual([]);
	});

	it.each<[string, string, Record<string, unknown>, Rule]>([
		['Inventory token naming a user', 'Inventory', { userId: 'acme-u1' }, 'tokenFields'],
		['Inventory token with enrollment data', 'Inventory', { pushOtp: 'Enabled' }, 'tokenFields'],
		['Active token without Target', 'Active', { target: null }, 'tokenFields'],
		[
			'MobilePASS 8 token with Push OTP Enabled',
			'Active',
			{ app: 'MobilePASS 8', pushOtp: 'Enabled' },
			'pushOtp'
		],
		[
			'MobilePASS+ token Not Applicable',
			'Active',
			{ app: 'MobilePASS+', pushOtp: 'Not Applicable' },
			'pushOtp'
		],
		['token of a user who does not exist', 'Active', { userId: 'nobody' }, 'references'],
		['token of an unknown virtual server', 'Inventory', { serverId: 'nowhere' }, 'references']
	])('names the record of a %s', (_name, state, change, rule) => {
		const w = seeded();
		const t = withToken(w, state, change);
		const found = checkWorld(w, WORLD_START);
		expect(found.map((v) => v.rule)).toContain(rule);
		expect(found.find((v) => v.rule === rule)!.record).toBe(`tokens ${t.serial}`);
	});

	it('catches a card on a phone whose app is not installed, and one on another user’s phone', () => {
		const w = seeded();
		const card = w.appTokens[0];
		const phone = w.phones.find((p) => p.id === card.phoneId)!;
		phone.installed = { mobilePass8: false, mobilePassPlus: false };
		expect(rules(w)).toContain('appTokens');
		const w2 = seeded();
		const other = w2.phones.find(
			(p) => p.id !== w2.appTokens[0].phoneId && p.installed.mobilePass8
		)!;
		w2.appTokens[0].phoneId = other.id;
		w2.appTokens[0].app = 'MobilePASS 8';
		expect(rules(w2)).toContain('appTokens');
	});

	it('catches two open enrollments for one user, and one whose token is not Assigned', () => {
		const w = seeded();
		const user = w.users[20];
		const inv = w.tokens.filter((t) => t.state === 'Inventory' && t.serverId === user.serverId);
		w.tasks.push({
			id: 't',
			serverId: user.serverId,
			number: 1,
			operator: 'op',
			startDate: WORLD_START,
			stopDate: WORLD_START + 1e9
		});
		for (const [i, t] of inv.slice(0, 2).entries()) {
			Object.assign(t, {
				state: 'Assigned',
				userId: user.id,
				secret: 'JBSWY3DPEHPK3PXP',
				provisionedAt: WORLD_START
			});
			w.enrollments.push({
				id: `e${i}`,
				taskId: 't',
				serverId: user.serverId,
				userId: user.id,
				email: user.email,
				serial: t.serial,
				status: 'Active',
				failedAttempts: 0,
				code: `c${i}`,
				activationString: '1'
			});
		}
		expect(rules(w)).toContain('openEnrollment');
		// Expired, the first is no longer open.
		expect(checkWorld(w, WORLD_START + 2e9).map((v) => v.rule)).not.toContain('openEnrollment');
		const w2 = clone(w);
		w2.enrollments.pop();
		Object.assign(
			w2.tokens.find((t) => t.serial === w2.enrollments[0].serial)!,
			{ state: 'Inventory', userId: null, secret: null, provisionedAt: null }
		);
		expect(rules(w2)).toEqual(['openEnrollment']);
	});

	it('catches enrollments, mail and push requests that point nowhere', () => {
		const w = seeded();
		w.mail.push({
			id: 'm',
			userId: 'ghost',
			from: '',
			subject: '',
			body: '',
			enrollmentCode: null,
			expiresAt: null,
			receivedAt: 0,
			read: false
		});
		expect(checkWorld(w, WORLD_START)).toEqual([
			{ rule: 'references', record: 'mail m', message: 'user ghost does not exist' }
		]);
	});

	it('stops at the limit', () => {
		const w = seeded();
		for (const t of w.tokens) t.serverId = 'gone';
		expect(checkWorld(w, WORLD_START, 3)).toHaveLength(3);
	});
});

describe('checkStep', () => {
	it('catches Push OTP changed after enrollment, the clock going back, a card replaced', () => {
		const before = seeded();
		const after = clone(before);
		const t = after.tokens.find((t) => t.state === 'Active')!;
		t.pushOtp = 'Enabled';
		after.appTokens[0] = { ...after.appTokens[0], app: 'MobilePASS+', secret: 'OTHER' };
		const found = checkStep({ world: before, now: 10 }, { world: after, now: 5 }).map(
			(v) => v.rule
		);
		expect(found.sort()).toEqual(['cards', 'clock', 'enrollmentFixed']);
		expect(checkStep({ world: before, now: 5 }, { world: clone(before), now: 5 })).toEqual([]);
	});
});

describe('checkAudit', () => {
	const row = (id: number, outcome: 'Success' | 'Refused') => ({
		id,
		serverId: 'acme',
		at: 0,
		operator: 'op',
		action: 'a',
		target: '',
		serial: null,
		user: null,
		outcome,
		detail: ''
	});
	it('a refusal leaves exactly one Refused row and nothing else', () => {
		const before = seeded();
		const after = clone(before);
		after.audit.push(row(1, 'Refused'));
		expect(checkAudit(before, after, { ok: false }, 'audited')).toEqual([]);
		after.phones[0].osVersion = '1.0';
		expect(checkAudit(before, after, { ok: false }, 'audited')[0].message).toMatch(
			/changed phones/
		);
		const twice = clone(before);
		twice.audit.push(row(1, 'Refused'), row(2, 'Refused'));
		expect(checkAudit(before, twice, { ok: false }, 'audited')).toHaveLength(1);
	});
	it('an accepted command leaves Success rows; a phone-local one none', () => {
		const before = seeded();
		const after = clone(before);
		expect(checkAudit(before, after, { ok: true }, 'audited')).toHaveLength(1);
		expect(checkAudit(before, after, { ok: true }, 'local')).toEqual([]);
		after.audit.push(row(1, 'Success'));
		expect(checkAudit(before, after, { ok: true }, 'audited')).toEqual([]);
		expect(checkAudit(before, after, { ok: true }, 'local')).toHaveLength(1);
		const refusedLocally = clone(before);
		refusedLocally.audit.push(row(1, 'Refused'));
		expect(checkAudit(before, refusedLocally, { ok: false }, 'local')).toEqual([]);
	});
});
