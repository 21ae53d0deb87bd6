/**
 * Hostile and contradictory world files (issue 12): each was imported before, and each must
 * now be refused with the first problems named, before anything is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { LIMITS } from '$lib/domain/limits';
import { exportWorldFile } from '$lib/store/world-file-io';
import { testDb } from '$lib/store/test-db';
import { parseWorldFile, validateWorldFile, type WorldFile } from './world-file';

let snap: WorldFile;
beforeAll(async () => {
	snap = await exportWorldFile(await testDb());
});
const copy = () => structuredClone(snap);
const problems = (file: unknown) => {
	const r = parseWorldFile(typeof file === 'string' ? file : JSON.stringify(file));
	return r.ok ? [] : r.problems;
};
const run = (scenarioId: string) => ({
	scenarioId,
	startedAt: Date.UTC(2026, 0, 1),
	startedSimAt: Date.UTC(2026, 2, 2),
	steps: [],
	finishedAt: null,
	finishedSimAt: null
});

describe('hostile world files', () => {
	it('accepts the export as it is', () => {
		expect(problems(snap)).toEqual([]);
	});

	it('refuses a clock at 1e300 (and any date outside 2000–2100)', () => {
		const bad = copy();
		bad.clock.simAt = 1e300;
		expect(problems(bad)).toEqual([
			'clock: "simAt" must be a date between 2000 and 2100 (milliseconds since 1970).'
		]);
		const early = copy();
		early.world.tokens.find((t) => t.enrolledAt)!.enrolledAt = -5;
		expect(problems(early)[0]).toMatch(/"enrolledAt" must be a date/);
	});

	it('checks every scenario run, the 101st too', () => {
		const bad = copy();
		bad.scenarioRuns = Array.from({ length: 100 }, (_, i) => run(`s${i}`));
		bad.scenarioRuns.push({ ...run('s100'), steps: 'oops' as never });
		expect(problems(bad)).toEqual([
			expect.stringMatching(/^scenarioRuns\[100\]: "steps" must be a list/)
		]);
		const many = copy();
		many.scenarioRuns = Array.from({ length: LIMITS.scenarioRuns + 1 }, (_, i) => run(`s${i}`));
		expect(problems(many)[0]).toMatch(/at most 1000/);
	});

	it('refuses a 10,000-character serial, and long text', () => {
		const bad = copy();
		const t = bad.world.tokens.find((t) => t.state === 'Inventory')!;
		t.serial = '1'.repeat(10_000);
		expect(problems(bad)[0]).toMatch(/"serial" must be a serial number of 10 digits/);
		const long = copy();
		long.world.users[0].lastName = 'x'.repeat(201);
		expect(problems(long)[0]).toMatch(/"lastName" must be text of at most 200 characters/);
	});

	it('reports unknown fields named __proto__ and constructor, anywhere', () => {
		const text = JSON.stringify(copy())
			.replace('"servers":[{', '"servers":[{"__proto__":{"x":1},')
			.replace('"users":[{', '"users":[{"constructor":"y",')
			.replace('{"app":', '{"toString":1,"app":');
		const found = problems(text);
		expect(found).toContain('world.servers[0]: unknown field "__proto__".');
		expect(found).toContain('world.users[0]: unknown field "constructor".');
		expect(found).toContain('unknown field "toString".');
	});

	it('refuses a world above the limit of users per virtual server, naming the limit', () => {
		const bad = copy();
		const u = bad.world.users[0];
		bad.world.users = Array.from({ length: 100_000 }, (_, i) => ({
			...u,
			id: `u${i}`,
			userId: `u${i}`
		}));
		// Validated as parsed data (no 15 MB JSON round trip); the size check comes first.
		const r = validateWorldFile(bad);
		const found = r.ok ? [] : r.problems;
		expect(found).toHaveLength(1);
		expect(found[0]).toMatch(
			/would have 100,000 users; the sandbox is built for at most 12,000 users per virtual server/
		);
		bad.world.users.length = LIMITS.usersPerServer + 1;
		expect(problems(bad)[0]).toMatch(/12,001 users/);
	});

	it('accepts the Large demo world (10,000 users)', () => {
		const world = generateWorld({ seed: 'large', users: 10_000 });
		const r = validateWorldFile({ ...copy(), world });
		expect(r.ok ? [] : r.problems).toEqual([]);
	}, 30_000);

	it('refuses contradictory records, naming the record and the rule', () => {
		const bad = copy();
		const inv = bad.world.tokens.find((t) => t.state === 'Inventory')!;
		Object.assign(inv, {
			userId: 'acme-u1',
			app: 'MobilePASS+',
			pushOtp: 'Enabled',
			enrolledAt: Date.UTC(2026, 0, 1)
		});
		const found = problems(bad);
		expect(found[0]).toBe(
			`tokens ${inv.serial}: Inventory but names user acme-u1 (rule: A token’s fields agree with its state).`
		);
		const mp8 = copy();
		const t = mp8.world.tokens.find((t) => t.app === 'MobilePASS 8')!;
		t.pushOtp = 'Enabled';
		expect(problems(mp8)).toEqual([
			`tokens ${t.serial}: MobilePASS 8 token with Push OTP Enabled (rule: Push OTP is Not Applicable exactly for MobilePASS 8).`
		]);
	});

	it('refuses duplicate user IDs in a virtual server (a unique index of the store)', () => {
		const bad = copy();
		bad.world.users[1].userId = bad.world.users[0].userId;
		expect(problems(bad)[0]).toMatch(/user ID ".+" appears twice in acme/);
	});
});
