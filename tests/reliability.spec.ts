import { firstListedSerial } from './console-helpers';
import { expect, openSandbox, test } from './fixtures';
import {
	expectActivated,
	installApp,
	NEW_USER,
	provisionedPhone,
	startEnrollment,
	tokensOf
} from './phone-helpers';

test('two tabs revoke the same token at once: one wins, the other is told why not', async ({
	context
}) => {
	const first = await context.newPage();
	const second = await context.newPage();
	await openSandbox(first, '/tokens');
	await first.getByRole('combobox', { name: 'App' }).selectOption('MobilePASS 8');
	const serial = await firstListedSerial(first);
	await openSandbox(first, `/tokens/details?serial=${serial}`);
	await openSandbox(second, `/tokens/details?serial=${serial}`);

	// Both operators open Revoke on the Active token and choose a reason.
	const dialogs = [];
	for (const page of [first, second]) {
		await page.getByRole('button', { name: 'Revoke' }).click();
		const dialog = page.getByRole('dialog', { name: `Revoke token ${serial}` });
		await dialog.getByRole('radio', { name: /Return to inventory/ }).check();
		dialogs.push(dialog);
	}
	await dialogs[0].getByRole('button', { name: 'Revoke' }).click();
	await expect(first.getByRole('status').filter({ hasText: 'Active → Inventory' })).toBeVisible();
	// The second confirms a moment later, on a token that is no longer Active.
	await dialogs[1].getByRole('button', { name: 'Revoke' }).click();
	await expect(
		second.getByRole('alert').filter({ hasText: `Token ${serial} is Inventory` })
	).toBeVisible();
	await expect(second.getByText('Inventory', { exact: true }).first()).toBeVisible();
	await openSandbox(first, '/audit');
	await expect(first.getByRole('row').filter({ hasText: 'Refused' })).toHaveCount(1);
});

test('a reload in the middle of an enrollment resumes cleanly', async ({ page }) => {
	const phone = await provisionedPhone(page);
	await installApp(page, 'MobilePASS+');
	await startEnrollment(page);
	await expect(phone.getByRole('button', { name: 'Allow', exact: true })).toBeVisible();

	await page.reload(); // the user closed the browser at the push question
	await expect(phone.getByRole('combobox', { name: 'Whose phone' })).toHaveAttribute(
		'data-user-id',
		NEW_USER
	);
	const [pending] = await tokensOf(page, NEW_USER);
	expect(pending).toMatchObject({ state: 'Assigned', app: null });

	// The same link still works, and the enrollment completes once.
	await startEnrollment(page);
	const token = await expectActivated(
		page,
		{ state: 'Active', app: 'MobilePASS+', pushOtp: 'Enabled' },
		{ answer: 'Allow' }
	);
	expect(token.serial).toBe(pending.serial);
});
