import { menuPath } from './console-helpers';
import { expect, openSandbox, test } from './fixtures';

const HEADER = 'User ID,First Name,Last Name,Email,Groups';

test('CSV import lists every bad row with its line number and imports nothing until clean', async ({
	page
}) => {
	await openSandbox(page, '/assignment/users');
	await expect(page.getByText('25 users in Acme Corp')).toBeVisible();
	const file = page.getByLabel('CSV file', { exact: true });
	const bad = [
		HEADER,
		'new1,New,One,new1@acme.example,Sales',
		'new2,New,Two,not-an-email,',
		'new1,Dup,Line,d@acme.example,'
	].join('\n');
	await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await expect(page.getByRole('alert')).toContainText(
		'bad.csv: 2 bad row(s). Nothing will be imported'
	);
	const rows = page.getByRole('table', { name: 'Bad rows in bad.csv' }).getByRole('row');
	await expect(rows.nth(1)).toContainText(/^3.*Email "not-an-email" is not a valid address/);
	await expect(rows.nth(2)).toContainText(/^4.*also on line 2/);
	await expect(page.getByRole('button', { name: 'Import users' })).toBeDisabled();

	const good = [
		HEADER,
		'new1,New,One,new1@acme.example,Sales',
		'new2,<b>Bold</b>,Two,new2@acme.example,'
	].join('\n');
	await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.getByRole('button', { name: 'Import 2 user(s)' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Imported 2 user(s) from good.csv' })
	).toBeVisible();
	await expect(page.getByText('27 users in Acme Corp')).toBeVisible();

	// User text is shown as text, never as HTML.
	await menuPath(page, 'Assignment', 'Search User');
	await page.getByRole('searchbox', { name: 'Search users' }).fill('new2');
	await expect(page.getByRole('cell', { name: '<b>Bold</b>' })).toBeVisible();
});

test('add a user; a duplicate user ID is refused and nothing changes', async ({ page }) => {
	await openSandbox(page, '/assignment/users');
	const form = page.getByRole('region', { name: 'Add user' });
	const fill = async (userId: string, group = 'Sales') => {
		await form.getByLabel('User ID').fill(userId);
		await form.getByLabel('First Name').fill('Jane');
		await form.getByLabel('Last Name').fill('Doe');
		await form.getByLabel('Email').fill(`${userId}@acme.example`);
		await form.getByRole('checkbox', { name: group }).check();
		await form.getByRole('button', { name: 'Add user' }).click();
	};
	await fill('jdoe');
	await expect(page.getByText('26 users in Acme Corp')).toBeVisible();
	await fill('JDOE');
	await expect(
		page
			.getByRole('alert')
			.filter({ hasText: 'User ID "JDOE" is already used in this virtual server' })
	).toBeVisible();
	await expect(page.getByText('26 users in Acme Corp')).toBeVisible();

	// Each virtual server has its own users: the same user ID is free in Globex Labs.
	await page
		.getByRole('combobox', { name: 'Virtual server' })
		.selectOption({ label: 'Globex Labs' });
	await expect(page.getByText('8 users in Globex Labs')).toBeVisible();
	await fill('jdoe', 'Research');
	await expect(page.getByText('9 users in Globex Labs')).toBeVisible();
});
