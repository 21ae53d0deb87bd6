import { provisionByHook } from './provision';
import { expect, openSandbox, test } from './fixtures';
import { choosePhone, installApp, NEW_USER, openEnrollmentLink, phonePane } from './phone-helpers';

test('an enrollment link past the task stop date shows that it expired', async ({ page }) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Pause' }).click();
	await provisionByHook(page, NEW_USER, { policy: 'MobilePASS+' });
	await choosePhone(page, NEW_USER);
	await installApp(page, 'MobilePASS+');
	const phone = phonePane(page);
	for (let day = 1; day <= 8; day++)
		await page.getByRole('button', { name: 'Advance 1 day' }).click();
	await expect(page.getByTestId('sim-time')).toHaveText(/^2026\/03\/10/);
	await openEnrollmentLink(page, false);
	await expect(phone.getByRole('alert')).toContainText('This enrollment link has expired');
	await expect(phone.getByRole('alert')).toContainText(/valid until 2026\/03\/09 09:00:\d\d AM/);
	await expect(
		phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' })
	).toHaveCount(0);
});
