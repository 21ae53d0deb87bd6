import { CONSOLE_TABS, menuPath, userById } from './console-helpers';
import { expect, openSandbox, test } from './fixtures';

/** Each menu path the STA documentation gives, clicked in order with its exact names. */
test('Tokens > Tokens opens the Token List with the product columns', async ({ page }) => {
	await openSandbox(page, '/scenarios');
	await menuPath(page, 'Tokens', 'Tokens');
	await expect(page).toHaveURL(/\/tokens$/);
	const table = page.getByRole('table', { name: /Token List/ });
	await expect(table.getByRole('columnheader')).toHaveText([
		/Serial Number/,
		/Token Type/,
		/Token State/,
		/Container/,
		/User ID/
	]);
	// An enrolled token's row: its user ID and the default container, no device or push fields.
	const u1 = await userById(page, 'acme-u1');
	await page.getByRole('searchbox', { name: 'Search' }).fill(u1.userId);
	const row = table.getByRole('row').nth(1);
	await expect(row.getByRole('cell').nth(1)).toHaveText('MobilePASS');
	await expect(row.getByRole('cell').nth(2)).toHaveText('Active');
	await expect(row.getByRole('cell').nth(3)).toHaveText('Default');
	await expect(row.getByRole('cell').nth(4)).toHaveText(u1.userId);
	await expect(table).not.toContainText('Not Applicable');
	// The device is in the token details' Mobile App section, in STA's words.
	await row.getByRole('link', { name: /^\d{10}$/ }).click();
	await expect(page.getByTestId('target')).toHaveText('iOS');
	await expect(page.getByTestId('device-type')).toHaveText('Mobile');
});

test('Assignment > Tokens lists tokens with their user; a serial opens the token details', async ({
	page
}) => {
	await openSandbox(page);
	await menuPath(page, 'Assignment', 'Tokens');
	await expect(page).toHaveURL(/\/assignment\/tokens$/);
	const table = page.getByRole('table', { name: /Tokens/ });
	await expect(table.getByRole('row')).toHaveCount(11); // header + the 10 seeded Active tokens
	const u3 = await userById(page, 'acme-u3');
	const row = table.getByRole('row').filter({ hasText: u3.userId });
	await expect(row).toContainText(u3.lastName);
	const serial = (await row.getByRole('link', { name: /^\d{10}$/ }).textContent())!;
	await row.getByRole('link', { name: serial }).click();
	await expect(page).toHaveURL(new RegExp(`/tokens/details\\?serial=${serial}$`));
	await expect(page.getByRole('heading', { name: `Token ${serial}` })).toBeVisible();
	// acme-u3 holds the seeded Windows 10 desktop.
	await expect(page.getByTestId('target')).toHaveText('Windows 10');
	await expect(page.getByTestId('device-type')).toHaveText('Desktop');
});

test('Shortcuts > Provisioning Tasks, Snapshot > Token States, Assignment > Search User', async ({
	page
}) => {
	await openSandbox(page, '/tokens');
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	await expect(page).toHaveURL(/\/provisioning$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Provisioning Task Management'
	);
	await menuPath(page, 'Snapshot', 'Token States');
	await expect(page.getByRole('heading', { name: 'Token States' })).toBeVisible();
	await expect(page.getByTestId('count-Active')).toHaveText('10');
	await menuPath(page, 'Assignment', 'Search User');
	await expect(page).toHaveURL(/\/assignment$/);
	await expect(page.getByRole('searchbox', { name: 'Search users' })).toBeVisible();
});

test('the sandbox-only pages sit apart under Sandbox, with a note', async ({ page }) => {
	await openSandbox(page);
	const tabs = page.getByRole('navigation', { name: 'Console' }).getByRole('link');
	await expect(tabs).toHaveText(CONSOLE_TABS);
	await menuPath(page, 'Sandbox', 'Migration clean-up');
	await expect(page).toHaveURL(/\/tokens\/cleanup$/);
	const row = page.getByRole('navigation', { name: 'Sandbox menu' });
	await expect(row).toContainText('not in the real STA console');
	await expect(row.getByRole('link')).toHaveText([
		'Scenarios',
		'Audit trail',
		'Migration clean-up',
		'Deployment dashboard'
	]);
});

test('the menus work from the keyboard alone', async ({ page }) => {
	await openSandbox(page);
	const tokensTab = page
		.getByRole('navigation', { name: 'Console' })
		.getByRole('link', { name: 'Tokens', exact: true });
	await tokensTab.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/tokens$/);
	await expect(tokensTab).toHaveAttribute('aria-current', 'true');
	const entry = page.getByRole('navigation', { name: 'Tokens menu' }).getByRole('link');
	await expect(entry).toHaveText(['Tokens']);
	await expect(entry).toHaveAttribute('aria-current', 'page');
	// The Policy tab leads to Policy > Token Policies > Software Token & Push OTP Settings.
	await expect(
		page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Policy' })
	).toHaveAttribute('href', /\/policy\/software-tokens$/);
});
