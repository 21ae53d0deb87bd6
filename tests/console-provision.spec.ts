import { commandOk } from './hook';
import { openProvisionFor } from './provision';
import { expect, openSandbox, test } from './fixtures';
import { firstListedSerial, snapshotCounts, userById, menuPath } from './console-helpers';
import { choosePhone } from './phone-helpers';

test('provision a user: the token is Assigned and the enrollment email waits on their phone', async ({
	page
}) => {
	await openSandbox(page);
	const user = await userById(page, 'acme-u20');
	const dialog = await openProvisionFor(page, user.userId);
	await expect(dialog.getByTestId('provision-available')).toHaveText('40');
	await expect(dialog.getByTestId('provision-reserved')).toHaveText('0');
	const serial = await dialog.getByRole('combobox', { name: /Serial Number/ }).inputValue();
	expect(serial).toMatch(/^\d{10}$/);
	await dialog.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Provisioned 1 MobilePASS token' })
	).toBeVisible();
	await expect(page.getByRole('row', { name: new RegExp(user.userId) })).toContainText(
		`Waiting to enroll (${serial})`
	);

	await page.getByRole('link', { name: user.userId, exact: true }).click();
	await expect(page.getByRole('table', { name: 'Tokens' })).toContainText(
		`${serial}MobilePASSAssigned`
	);
	await expect(page.getByTestId('provisioning-status')).toHaveText('Active');

	await choosePhone(page, 'acme-u20');
	const phone = page.getByRole('complementary', { name: 'Virtual phone' });
	await phone.getByRole('button', { name: 'Mail, 1 unread' }).click();
	await phone.getByRole('button', { name: /SafeNet MobilePASS\+ token enrollment/ }).click();
	await expect(phone.getByText(`serial ${serial}`)).toBeVisible();
});

test('revoke a MobilePASS 8 token to inventory, then provision that serial to another user', async ({
	page
}) => {
	await openSandbox(page, '/tokens');
	await page.getByRole('combobox', { name: 'App' }).selectOption('MobilePASS 8');
	await expect(page.getByTestId('pager-status')).toHaveText('1–10 of 10 tokens');
	const link = page.getByRole('table', { name: 'Token List' }).getByRole('link').first();
	const serial = (await link.textContent())!.trim();
	await link.click();
	await expect(page.getByTestId('token-state')).toHaveText('Active');
	await expect(page.getByTestId('push-otp')).toHaveText('Not Applicable');

	await page.getByRole('button', { name: 'Revoke' }).click();
	const revoke = page.getByRole('dialog', { name: `Revoke token ${serial}` });
	await expect(revoke.getByRole('button', { name: 'Revoke' })).toBeDisabled();
	await revoke.getByRole('radio', { name: /Return to inventory/ }).check();
	await revoke.getByRole('button', { name: 'Revoke' }).click();
	await expect(page.getByTestId('token-state')).toHaveText('Inventory');
	await expect(page.getByTestId('token-user')).toHaveText('—');
	await expect(page.getByRole('button', { name: 'Suspend' })).toBeDisabled();

	const other = await userById(page, 'acme-u21');
	const dialog = await openProvisionFor(page, other.userId);
	await expect(dialog.getByTestId('provision-available')).toHaveText('41');
	await dialog.getByRole('combobox', { name: /Serial Number/ }).fill(serial);
	await dialog.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(dialog).toBeHidden();

	await page.goto(`/tokens/details?serial=${serial}`);
	await expect(page.getByTestId('token-state')).toHaveText('Assigned');
	await expect(page.getByTestId('token-user')).toContainText(`(${other.userId})`);
});

test('a refused action names what and why, and changes nothing', async ({ page }) => {
	await openSandbox(page);
	const user = await userById(page, 'acme-u18');
	const first = await openProvisionFor(page, user.userId);
	await first.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(first).toBeHidden();
	const before = await snapshotCounts(page);

	// Provisioning the same user again, while their enrollment is open, is refused.
	const again = await openProvisionFor(page, user.userId);
	await again.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(
		page.getByRole('alert').filter({ hasText: `Already waiting to enroll: ${user.userId}` })
	).toBeVisible();
	await again.getByRole('button', { name: 'Cancel' }).click();
	expect(await snapshotCounts(page)).toEqual(before);

	await menuPath(page, 'Sandbox', 'Audit trail');
	await page.getByRole('combobox', { name: 'Action' }).selectOption('Provision');
	await expect(
		page.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1)
	).toContainText('Refused');
});

test('provisioning with too little inventory says how many tokens are missing', async ({
	page
}) => {
	await openSandbox(page);
	// Globex Labs: 8 users and 15 Inventory tokens; ten more users make the inventory short.
	const rows = Array.from(
		{ length: 10 },
		(_, i) => `extra${i},Extra,User${i},extra${i}@globex.example,`
	);
	const csv = ['User ID,First Name,Last Name,Email,Groups', ...rows].join('\n');
	await commandOk(page, 'importUsersCommand', 'globex', 'extra.csv', csv);
	await page
		.getByRole('combobox', { name: 'Virtual server' })
		.selectOption({ label: 'Globex Labs' });
	await menuPath(page, 'Assignment', 'Search User');
	await page.getByRole('button', { name: 'Select all 18 matching' }).click();
	await expect(page.getByTestId('selected-count')).toHaveText('18 selected');
	await page.getByRole('button', { name: 'Provision…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Provision' });
	await expect(dialog.getByTestId('provision-available')).toHaveText('15');
	await expect(dialog.getByRole('alert')).toContainText('18 needed, 15 available, 3 missing');
	// Provision anyway: STA refuses it, says why, and the refusal is audited; nothing changes.
	await dialog.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(dialog.getByTestId('provision-refusal')).toContainText(
		'Not enough MobilePASS tokens in Inventory: 18 needed, 15 available, 3 missing. Revoke'
	);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('button', { name: 'Select all 18 matching' })).toBeVisible();
	await menuPath(page, 'Sandbox', 'Audit trail');
	await page.getByRole('combobox', { name: 'Action' }).selectOption('Provision');
	await expect(
		page.getByRole('table', { name: 'Audit trail' }).getByRole('row').nth(1)
	).toContainText('Refused');
});

test('deep links to token details and to a user page load directly', async ({ page }) => {
	await openSandbox(page, '/tokens?state=x');
	const serial = await firstListedSerial(page);
	await openSandbox(page, `/tokens/details?serial=${serial}`);
	await expect(page.getByTestId('serial')).toHaveText(serial);
	await openSandbox(page, '/assignment/user?id=acme-u1');
	const user = await userById(page, 'acme-u1');
	await expect(
		page.getByRole('heading', { name: `${user.firstName} ${user.lastName} (${user.userId})` })
	).toBeVisible();
	await openSandbox(page, '/tokens/details?serial=0000000000');
	await expect(page.getByRole('alert')).toContainText('No token with serial number “0000000000”');
});
