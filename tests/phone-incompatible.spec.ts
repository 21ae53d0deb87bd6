import { expect, test } from './fixtures';
import { goHome, OLD_ANDROID_USER, openEnrollmentLink, provisionedPhone } from './phone-helpers';

test('an Android 7.0 phone is told why it cannot use MobilePASS+', async ({ page }) => {
	const phone = await provisionedPhone(page, { userId: OLD_ANDROID_USER });
	await openEnrollmentLink(page);
	await expect(phone.getByRole('alert')).toContainText(
		'This device is not compatible with MobilePASS+. MobilePASS+ needs Android 8 or later; this device runs Android 7.0.'
	);
	await expect(
		phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' })
	).toHaveCount(0);

	await goHome(page);
	await phone.getByRole('button', { name: 'App Store' }).click();
	await expect(phone.getByRole('button', { name: 'Get MobilePASS+' })).toBeDisabled();
	await expect(phone.getByText(/Not compatible with this device/)).toBeVisible();

	// Editing the phone profile to a newer Android makes it compatible.
	await phone.getByRole('button', { name: 'Edit phone profile' }).click();
	await phone.getByLabel('Version').fill('9');
	await phone.getByRole('button', { name: 'Save' }).click();
	await expect(phone.getByRole('combobox', { name: 'Whose phone' })).toHaveValue(/Android 9$/);
	await expect(phone.getByRole('button', { name: 'Get MobilePASS+' })).toBeEnabled();
});
