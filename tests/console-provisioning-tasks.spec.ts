import type { Page } from '@playwright/test';
import { menuPath, userById } from './console-helpers';
import { openProvisionFor, setPolicy } from './provision';
import { expect, openSandbox, test } from './fixtures';
import { phonePane } from './phone-helpers';
import { enrollOnPhone, showPhoneOf, signInWithPush } from './scenario-walk-helpers';

/** Assignment > Search User: provision the users (by user ID) in one task. */
async function provisionUsers(page: Page, userIds: string[]) {
	const dialog = await openProvisionFor(page, userIds[0]);
	if (userIds.length > 1) {
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		for (const id of userIds.slice(1)) {
			await page.getByRole('searchbox', { name: 'Search users' }).fill(id);
			await page.getByRole('checkbox', { name: `Select ${id}`, exact: true }).check();
		}
		await page.getByRole('button', { name: 'Provision…' }).click();
	}
	const provision = page.getByRole('dialog', { name: 'Provision' });
	await provision.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `Provisioned ${userIds.length} MobilePASS token` })
	).toBeVisible();
}

const taskRow = (page: Page, userId: string) =>
	page
		.getByRole('table', { name: 'Provisioning tasks' })
		.getByRole('row')
		.filter({ hasText: userId });

test('Completed only after the first sign-in; an all-enrolled task leaves the list, not the report', async ({
	page
}) => {
	test.slow();
	await openSandbox(page);
	// The seeded account is an upgraded one: iOS and Android users enroll in MobilePASS+ once the
	// Software Token & Push OTP Settings say so (with push, for the sign-in below).
	await setPolicy(page, ['iOS', 'Android'], true);
	const a = await userById(page, 'acme-u15');
	const b = await userById(page, 'acme-u16');
	await provisionUsers(page, [a.userId, b.userId]);

	await enrollOnPhone(page, 'acme-u15', 'Allow');
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	const enrolled = taskRow(page, a.userId);
	// Enrolled but not signed in yet: still Active, with the enrolled token's serial.
	await expect(enrolled.getByRole('cell').nth(8)).toHaveText(/^Active\s+enrolled, no sign-in yet$/);
	await expect(enrolled.getByRole('cell').nth(7)).toHaveText(/^\d{10}$/);
	// Not enrolled: no serial number yet.
	await expect(taskRow(page, b.userId).getByRole('cell').nth(7)).toHaveText('');

	const phone = phonePane(page);
	await showPhoneOf(page, 'acme-u15');
	await phone.getByRole('button', { name: 'Browser', exact: true }).click();
	await phone.getByRole('button', { name: 'STA User Portal', exact: true }).click();
	await signInWithPush(page, phone, a.userId, 'STA User Portal');
	await expect(enrolled.getByRole('cell').nth(8)).toHaveText('Completed');

	// Edit: remove the user who has not enrolled, emailing them; the task is then completed.
	const task = (await enrolled.getByRole('cell').first().textContent())!.trim();
	await page
		.getByRole('button', { name: `Edit task ${task}` })
		.first()
		.click();
	const edit = page.getByRole('dialog', { name: `Edit task ${task}` });
	await expect(edit.getByRole('checkbox', { name: `Remove ${a.userId}` })).toBeDisabled();
	await edit.getByRole('checkbox', { name: `Remove ${b.userId}` }).check();
	await edit.getByRole('checkbox', { name: /Email the removed users/ }).check();
	await edit.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(edit).toBeHidden();
	await expect(page.getByRole('table', { name: 'Provisioning tasks' })).toHaveCount(0);
	await expect(page.getByText(/all 1 task\(s\) are completed/)).toBeVisible();

	await menuPath(page, 'Reports', 'Available Reports');
	await page.getByRole('link', { name: /Provisioning task status/ }).click();
	await expect(
		page
			.getByRole('table', { name: /Users in each task/ })
			.getByRole('row')
			.filter({ hasText: a.userId })
	).toContainText(/Completed$/);

	// The removed user got the cancellation email.
	await showPhoneOf(page, 'acme-u16');
	await phone.getByRole('button', { name: /^Mail/ }).click();
	await expect(
		phone.getByRole('button', { name: /SafeNet MobilePASS token enrollment cancelled/ })
	).toBeVisible();
});

test('a user whose enrollment has Expired is provisioned again directly', async ({ page }) => {
	test.slow();
	await openSandbox(page);
	const u = await userById(page, 'acme-u17');
	await provisionUsers(page, [u.userId]);
	const advance = page.getByRole('button', { name: 'Advance 1 day' });
	for (let day = 1; day <= 8; day++) await advance.click();
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	await expect(taskRow(page, u.userId).getByRole('cell').nth(8)).toHaveText('Expired');

	await provisionUsers(page, [u.userId]);
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	const lines = taskRow(page, u.userId);
	await expect(lines).toHaveCount(2);
	await expect(lines.nth(0).getByRole('cell').nth(8)).toHaveText('Active');
	await expect(lines.nth(1).getByRole('cell').nth(8)).toHaveText('Expired');
});
