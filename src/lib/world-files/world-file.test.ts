import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { exportWorldFile, importWorldFile } from '$lib/store/world-file-io';
import { addThirdPartyTokenCommand, installAppCommand } from '$lib/store/phone-commands';
import { changeTargetSettingCommand } from '$lib/store/policy-commands';
import { dumpTables, testDb } from '$lib/store/test-db';
import {
	MAX_WORLD_FILE_BYTES,
	WORLD_FILE_FORMAT,
	checkSize,
	parseWorldFile,
	worldFileName
} from './world-file';

async function exported() {
	const db = await testDb();
	return { db, snap: await exportWorldFile(db) };
}

describe('world files', () => {
	it('round-trip: an export parses, imports, and gives the same world', async () => {
		const { db, snap } = await exported();
		const before = await dumpTables(db);
		const parsed = parseWorldFile(JSON.stringify(snap));
		expect(parsed.ok).toBe(true);
		const other = await testDb(generateWorld({ seed: 'other', users: 3 }));
		if (!parsed.ok) return;
		expect((await importWorldFile(other, parsed.worldFile)).ok).toBe(true);
		expect(await dumpTables(other)).toEqual(before);
	});

	it('round-trip with the later optional fields: a policy row, a third-party card, phone settings', async () => {
		// Found by the model-based test: an export after a policy change was refused at import.
		const db = await testDb();
		const server = (await db.servers.toArray())[0];
		const setting = { allowed: true, app: 'MobilePASS+' as const, push: true };
		expect((await changeTargetSettingCommand(db, server.id, 'iOS', setting)).ok).toBe(true);
		const phone = (await db.phones.toArray()).find((p) => p.os === 'iOS')!;
		expect((await installAppCommand(db, phone.id, 'mobilePassPlus')).ok).toBe(true);
		await db.phones.update(phone.id, { biometrics: true, notifications: false });
		const uri =
			'otpauth://totp/GitHub:ang?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&digits=6&period=30';
		expect((await addThirdPartyTokenCommand(db, phone.id, uri)).ok).toBe(true);
		const before = await dumpTables(db);
		const parsed = parseWorldFile(JSON.stringify(await exportWorldFile(db)));
		expect(parsed.ok ? [] : parsed.problems).toEqual([]);
		if (!parsed.ok) return;
		const other = await testDb(generateWorld({ seed: 'other', users: 3 }));
		expect((await importWorldFile(other, parsed.worldFile)).ok).toBe(true);
		expect(await dumpTables(other)).toEqual(before);
	});

	it('a format 1 file (free-text Target and Device Type, phones without form factor) opens upgraded', async () => {
		const { snap } = await exported();
		const old = structuredClone(snap) as unknown as {
			format: number;
			world: { phones: Record<string, unknown>[]; tokens: Record<string, unknown>[] };
		};
		old.format = 1;
		for (const p of old.world.phones) delete p.formFactor;
		const enrolled = old.world.tokens.find((t) => t.target === 'iOS')!;
		Object.assign(enrolled, { target: 'iOS 17.5', deviceType: 'iPhone 15' });
		const r = parseWorldFile(JSON.stringify(old));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const token = r.worldFile.world.tokens.find((t) => t.serial === enrolled.serial);
		expect(token).toMatchObject({ target: 'iOS', deviceType: 'Mobile' });
		expect(r.worldFile.world.phones.every((p) => p.formFactor)).toBe(true);
	});

	it('refuses a truncated file', async () => {
		const { snap } = await exported();
		const text = JSON.stringify(snap);
		const r = parseWorldFile(text.slice(0, text.length / 2));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems[0]).toMatch(/not valid JSON; it may be truncated/);
	});

	it('refuses a file from a future format, saying so', async () => {
		const { snap } = await exported();
		const future = WORLD_FILE_FORMAT + 1;
		const r = parseWorldFile(JSON.stringify({ ...snap, format: future }));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problems[0]).toContain(`newer version of the sandbox (format ${future})`);
	});

	it('refuses something that is not a world file', () => {
		for (const text of ['[]', '42', '{"hello":1}', 'null'])
			expect(parseWorldFile(text).ok).toBe(false);
	});

	it('lists the first problems: wrong types, missing and unknown fields, duplicate keys', async () => {
		const { snap } = await exported();
		const bad = structuredClone(snap);
		bad.world.tokens[0] = { ...bad.world.tokens[0], state: 'Gone' as never };
		delete (bad.world.users[1] as Partial<(typeof bad.world.users)[1]>).email;
		(bad.world.users[2] as unknown as Record<string, unknown>).extra = 1;
		bad.world.groups.push(bad.world.groups[0]);
		const r = parseWorldFile(JSON.stringify(bad));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problems).toContain('world.users[1]: "email" is missing.');
		expect(r.problems).toContain('world.users[2]: unknown field "extra".');
		expect(r.problems.some((p) => /world.groups\[\d+\]: id "acme-g1" appears twice/.test(p))).toBe(
			true
		);
		expect(r.problems.some((p) => /world.tokens\[0\]: "state" must be one of/.test(p))).toBe(true);
	});

	it('stops at five problems', async () => {
		const { snap } = await exported();
		const bad = structuredClone(snap);
		bad.world.tokens.forEach((t) => ((t as { digits: number }).digits = 7));
		const r = parseWorldFile(JSON.stringify(bad));
		expect(!r.ok && r.problems.length).toBe(5);
	});

	it('refuses oversized files before reading them', () => {
		expect(checkSize(MAX_WORLD_FILE_BYTES)).toBeNull();
		expect(checkSize(MAX_WORLD_FILE_BYTES + 1)).toMatch(/limit is 25 MB/);
	});

	it('names the file with the date', () => {
		expect(worldFileName(new Date(Date.UTC(2026, 2, 2, 9)))).toBe(
			'sta-sandbox-world-2026-03-02.json'
		);
	});

	it('keeps a user name with HTML as data (it is text to the sandbox)', async () => {
		const { snap } = await exported();
		snap.world.users[0].firstName = '<img src=x onerror="alert(1)">';
		const r = parseWorldFile(JSON.stringify(snap));
		expect(r.ok && r.worldFile.world.users[0].firstName).toBe('<img src=x onerror="alert(1)">');
	});
});
