import { menuPath } from './console-helpers';
import { readFile } from 'node:fs/promises';
import { formatDateTime } from '../src/lib/domain/format';
import { expect, openSandbox, test } from './fixtures';
import { FORMULA_NAME, parseCsv, readWorld, scriptedMigration } from './reports-world';

const HEADER = [
	'User ID',
	'Last Name',
	'First Name',
	'Email',
	'Serial Number',
	'Token Type',
	'State',
	'App',
	'OS Type',
	'Device Type',
	'Push OTP State',
	'Enrolled'
];

/** The report's rows as the world says they must be, keyed by serial. */
async function expectedRows(page: Parameters<typeof readWorld>[0]) {
	const { users, tokens } = await readWorld(page);
	const byId = new Map(users.map((u) => [u.id, u]));
	const rows = new Map<string, string[]>();
	for (const t of tokens) {
		const u = t.userId ? byId.get(t.userId) : undefined;
		if (!u) continue;
		rows.set(t.serial, [
			u.userId,
			u.lastName,
			u.firstName,
			u.email,
			t.serial,
			t.type,
			t.state,
			t.app ?? '',
			t.target ?? '',
			t.deviceType ?? '',
			t.pushOtp ?? '',
			formatDateTime(t.enrolledAt)
		]);
	}
	return { rows, users, tokens };
}

async function openReport(page: import('@playwright/test').Page) {
	await menuPath(page, 'Reports', 'Available Reports');
	await page.getByRole('link', { name: 'Users – With Tokens' }).click();
	await expect(
		page.getByRole('heading', { name: /Users – With Tokens · Acme Corp/ })
	).toBeVisible();
}

const table = (page: import('@playwright/test').Page) =>
	page.getByRole('region', { name: 'Users – With Tokens rows' }).getByRole('table');

test('after a scripted migration, the CSV equals the world cell by cell, formula-like names made safe', async ({
	page
}) => {
	await openSandbox(page);
	await scriptedMigration(page);
	await openReport(page);
	const { rows, users } = await expectedRows(page);
	await expect(page.getByTestId('report-summary')).toContainText(`${rows.size} rows`);
	const holders = new Set([...rows.values()].map((r) => r[0]));
	await expect(page.getByTestId('report-summary')).toContainText(
		`${users.length - holders.size} users without a token are not listed`
	);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^users-with-tokens_acme_2026-03-0\d\.csv$/);
	const bytes = await readFile((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8').slice(1);
	expect(text.endsWith('\r\n')).toBe(true);
	const [header, ...body] = parseCsv(text);
	expect(header).toEqual(HEADER);
	expect(body).toHaveLength(rows.size);
	const safe = (cell: string) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell);
	for (const line of body) {
		const want = rows.get(line[4]);
		expect(want, `serial ${line[4]} is in the world`).toBeDefined();
		expect(line).toEqual(want!.map(safe));
	}
	const formula = body.find((l) => l[1].includes('HYPERLINK'))!;
	expect(formula[1]).toBe(`'${FORMULA_NAME}`);
	expect(body.some((l) => l[2] === 'Zoë, "Jr"')).toBe(true);
	// The screen shows the name as it is; only the file is made safe.
	await page.getByRole('searchbox', { name: 'Search' }).fill('HYPERLINK');
	await expect(page.getByTestId('report-summary')).toContainText('1 row');
	await expect(table(page).getByRole('cell', { name: FORMULA_NAME, exact: true })).toBeVisible();
});

test('filters, search, sort and paging match the world', async ({ page }) => {
	await openSandbox(page);
	await scriptedMigration(page);
	await openReport(page);
	const { rows, users, tokens } = await expectedRows(page);
	const summary = page.getByTestId('report-summary');
	const held = tokens.filter((t) => t.userId);

	await expect(table(page).locator('tbody tr')).toHaveCount(50);
	await expect(page.getByTestId('pager-status')).toHaveText(`1–50 of ${rows.size} rows`);
	await expect(page.getByTestId('pager-page')).toHaveText(`Page 1 of ${Math.ceil(rows.size / 50)}`);
	await page.getByRole('button', { name: 'Next page' }).click();
	await expect(page.getByTestId('pager-status')).toHaveText(`51–100 of ${rows.size} rows`);

	const app = page.getByRole('combobox', { name: 'App' });
	await app.selectOption('MobilePASS+');
	const plus = held.filter((t) => t.app === 'MobilePASS+');
	await expect(summary).toContainText(`${plus.length} rows of ${rows.size}`);
	await expect(page.getByTestId('pager-status')).toContainText(/^1–/);
	await page.getByRole('combobox', { name: 'Push OTP State' }).selectOption('Enabled');
	await expect(summary).toContainText(`${plus.filter((t) => t.pushOtp === 'Enabled').length} rows`);
	await page.getByRole('button', { name: 'Clear filters' }).click();

	await app.selectOption('Not enrolled');
	const assigned = held.filter((t) => t.state === 'Assigned');
	expect(assigned).toHaveLength(3);
	await expect(summary).toContainText(`${assigned.length} rows`);
	await app.selectOption('');
	await page.getByRole('combobox', { name: 'State', exact: true }).selectOption('Assigned');
	await expect(summary).toContainText(`${assigned.length} rows`);
	await page.getByRole('combobox', { name: 'State', exact: true }).selectOption('');

	await page.getByRole('combobox', { name: 'OS Type' }).selectOption('iOS');
	await expect(summary).toContainText(`${held.filter((t) => t.target === 'iOS').length} rows`);
	await page.getByRole('combobox', { name: 'OS Type' }).selectOption('');

	const { groups } = await readWorld(page);
	const group = groups[1];
	await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: group.name });
	const members = new Set(users.filter((u) => u.groupIds.includes(group.id)).map((u) => u.id));
	await expect(summary).toContainText(`${held.filter((t) => members.has(t.userId!)).length} rows`);
	await page.getByRole('button', { name: 'Clear filters' }).click();

	const someone = users.find((u) => u.id === 'acme-u90')!;
	await page.getByRole('searchbox', { name: 'Search' }).fill(someone.email);
	const theirs = held
		.filter((t) => t.userId === someone.id)
		.map((t) => t.serial)
		.sort();
	await expect(table(page).locator('tbody tr')).toHaveCount(theirs.length);
	expect((await table(page).locator('tbody tr td:nth-child(5)').allTextContents()).sort()).toEqual(
		theirs
	);
	await page.getByRole('searchbox', { name: 'Search' }).fill('');

	const serials = held.map((t) => t.serial).sort();
	const header = table(page).getByRole('columnheader', { name: /Serial Number/ });
	await header.getByRole('button').click();
	await expect(header).toHaveAttribute('aria-sort', 'ascending');
	await expect(table(page).locator('tbody tr').first().locator('td').nth(4)).toHaveText(serials[0]);
	await header.getByRole('button').click();
	await expect(header).toHaveAttribute('aria-sort', 'descending');
	await expect(table(page).locator('tbody tr').first().locator('td').nth(4)).toHaveText(
		serials.at(-1)!
	);
	const shown = await table(page).locator('tbody tr td:nth-child(5)').allTextContents();
	expect(shown).toEqual(serials.slice().reverse().slice(0, 50));
});

test('Print shows the report alone, without the console or the phone', async ({ page }) => {
	await openSandbox(page);
	await openReport(page);
	await page.evaluate(() => {
		window.print = () => ((window as unknown as { printed: number }).printed = 1);
	});
	await page.getByRole('button', { name: 'Print' }).click();
	expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Console' })).toBeHidden();
	await expect(page.getByRole('complementary', { name: 'Virtual phone' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
	await expect(table(page)).toBeVisible();
	await expect(page.getByText(/Virtual server Acme Corp · generated 2026\/03\/02/)).toBeVisible();
});
