import { describe, expect, it } from 'vitest';
import { generateWorld } from '$lib/domain/seed';
import { byNameOrder } from '$lib/domain/users';
import { testDb } from '$lib/store/test-db';
import { PICKER_LIMIT, phoneOwner, phonePickerMatches } from './phone';

describe('the phone picker search', () => {
	it('finds users by the start of their last name, in either case, or of their user name', async () => {
		const db = await testDb(generateWorld({ seed: 'picker', users: 300 }));
		const all = await db.users.toArray();
		const user = all[17];
		for (const typed of [
			user.lastName.slice(0, 3),
			user.lastName.slice(0, 3).toLowerCase(),
			user.userId.slice(0, 4)
		]) {
			const found = await phonePickerMatches(db, typed);
			// The oracle: the same rule over every user, cut to the limit in the same order.
			const lower = typed.toLowerCase();
			const expected = all
				.filter(
					(u) =>
						u.lastName.startsWith(typed) ||
						u.lastName.startsWith(typed[0].toUpperCase() + typed.slice(1)) ||
						u.userId.startsWith(lower)
				)
				.sort((a, b) => a.serverId.localeCompare(b.serverId) || byNameOrder(a, b));
			expect(found.length).toBe(Math.min(expected.length, PICKER_LIMIT));
			expect(found.map((o) => o.user.id)).toContain(
				expected.length <= PICKER_LIMIT ? user.id : found[0].user.id
			);
			for (const o of found) expect(expected.map((u) => u.id)).toContain(o.user.id);
		}
	});

	it('lists at most the limit, with each user’s phone, and nothing for a name nobody has', async () => {
		const db = await testDb(generateWorld({ seed: 'picker', users: 300 }));
		const first = await phonePickerMatches(db, '');
		expect(first.length).toBeLessThanOrEqual(PICKER_LIMIT);
		expect(first.length).toBeGreaterThan(0);
		const phones = await db.phones.toArray();
		for (const { user, phone } of first)
			expect(phone?.id).toBe(phones.find((p) => p.ownerId === user.id)?.id);
		expect(await phonePickerMatches(db, 'Zzqx')).toEqual([]);
		const owner = await phoneOwner(db, first[0].user.id);
		expect(owner?.user.id).toBe(first[0].user.id);
		expect(await phoneOwner(db, '')).toBeUndefined();
	});
});
