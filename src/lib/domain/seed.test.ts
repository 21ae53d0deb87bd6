import { describe, expect, it } from 'vitest';
import { generateWorld } from './seed';
import { countByState } from './snapshot';

let n = 0;
const fakeSecret = () => `SECRET${n++}`;

describe('world generator', () => {
	it('builds the same world from the same seed (secrets aside)', () => {
		n = 0;
		const a = generateWorld({ seed: 'x', users: 25 }, fakeSecret);
		n = 0;
		const b = generateWorld({ seed: 'x', users: 25 }, fakeSecret);
		expect(a).toEqual(b);
		const c = generateWorld({ seed: 'y', users: 25 }, fakeSecret);
		expect(c.users.map((u) => u.userId)).not.toEqual(a.users.map((u) => u.userId));
	});

	it('seeds the demo of the foundation issue', () => {
		const w = generateWorld({ seed: 'acme-demo', users: 25 });
		const acme = (t: { serverId: string }) => t.serverId === 'acme';
		expect(w.servers.map((s) => s.name)).toEqual(['Acme Corp', 'Globex Labs']);
		expect(w.users.filter(acme)).toHaveLength(25);
		expect(w.groups.filter(acme)).toHaveLength(3);
		expect(w.applications.filter(acme)).toHaveLength(4);
		expect(w.applications.filter(acme).some((a) => a.pushCapable)).toBe(true);
		expect(w.applications.filter(acme).some((a) => !a.pushCapable)).toBe(true);
		const tokens = w.tokens.filter(acme);
		expect(countByState(tokens)).toMatchObject({ Active: 10, Inventory: 40, Assigned: 0 });
		const active = tokens.filter((t) => t.state === 'Active');
		expect(active.every((t) => t.app === 'MobilePASS 8' && t.pushOtp === 'Not Applicable')).toBe(
			true
		);
		// Target is the OS as STA names it; Device Type the form factor, never the model.
		expect(new Set(active.map((t) => t.target))).toEqual(new Set(['iOS', 'Android', 'Windows 10']));
		expect(new Set(active.map((t) => t.deviceType))).toEqual(
			new Set(['Mobile', 'Tablet', 'Desktop'])
		);
		const phones = w.phones.filter((p) => p.ownerId.startsWith('acme-'));
		expect(phones.some((p) => p.formFactor === 'Tablet')).toBe(true);
		expect(phones.some((p) => p.os === 'Windows' && p.formFactor === 'Desktop')).toBe(true);
		// the phone's MobilePASS 8 app holds the same secret as the server
		for (const t of active) {
			const held = w.appTokens.find((a) => a.serial === t.serial);
			expect(held?.secret).toBe(t.secret);
		}
	});

	it('gives every token a unique 10-digit serial, users unique user IDs, at 10,000 users', () => {
		const w = generateWorld({ seed: 'large', users: 10_000 });
		const acmeTokens = w.tokens.filter((t) => t.serverId === 'acme');
		expect(acmeTokens).toHaveLength(20_000);
		expect(w.tokens.every((t) => /^[1-9]\d{9}$/.test(t.serial))).toBe(true);
		expect(new Set(w.tokens.map((t) => t.serial)).size).toBe(w.tokens.length);
		const acmeUsers = w.users.filter((u) => u.serverId === 'acme');
		expect(new Set(acmeUsers.map((u) => u.userId)).size).toBe(10_000);
		expect(acmeTokens.some((t) => t.app === 'MobilePASS+')).toBe(true);
	});

	it('refuses impossible sizes', () => {
		expect(() => generateWorld({ seed: 'x', users: 0 })).toThrow(RangeError);
		expect(() => generateWorld({ seed: 'x', users: 10_001 })).toThrow(RangeError);
	});
});
