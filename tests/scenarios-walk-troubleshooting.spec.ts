import { menuPath } from './console-helpers';
import { provisionByUI } from './provision';
import { expect, test } from './fixtures';
import { phonePane } from './phone-helpers';
import {
	enrollOnPhone,
	expectCompleted,
	expectStepsDone,
	openTokenOf,
	startScenario
} from './scenario-walk-helpers';

test('walkthrough: troubleshooting, four help-desk calls', async ({ page }) => {
	test.slow();
	await startScenario(page, 'Troubleshooting: four help-desk calls', 5);

	// 1. Expired link: Resend is refused until the task's Stop Date moves; then Resend.
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	const resend = page.getByRole('button', { name: /^Resend email to fdemir@/ });
	await expect(resend).toBeDisabled();
	const expiredRow = page.getByRole('row').filter({ has: resend });
	await expect(expiredRow).toContainText('Expired');
	const task = (await expiredRow.getByRole('cell').first().textContent())!.trim();
	await page.getByRole('button', { name: `Edit task ${task}` }).click();
	const stop = page.getByRole('dialog', { name: `Edit task ${task}` });
	await stop.getByLabel('Stop Date (UTC)').fill('2026-03-12T09:00');
	await stop.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(stop).toBeHidden();
	await expect(expiredRow).toContainText('Active');
	await expectStepsDone(page, 0, 5);
	await resend.click();
	await expectStepsDone(page, 1, 5);

	// 2. Locked token: Token List, State Locked, Unlock.
	await menuPath(page, 'Tokens', 'Tokens');
	await page.getByRole('combobox', { name: 'State' }).selectOption('Locked');
	await page.getByRole('table', { name: 'Token List' }).getByRole('link').first().click();
	await expect(page.getByTestId('token-state')).toHaveText('Locked');
	await page.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByTestId('token-state')).toHaveText('Active');
	await expectStepsDone(page, 2, 5);

	// 3. Android 7.0: remove the user from the task; MobilePASS 8 stays.
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	await page.getByRole('button', { name: /^Remove ong from task/ }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Remove user' }).click();
	await expectStepsDone(page, 3, 5);

	// 4. Not Applicable: the token details, then provision a MobilePASS+ token.
	await openTokenOf(page, 'yyilmaz', 'MobilePASS 8');
	await expect(page.getByTestId('push-otp')).toHaveText('Not Applicable');
	await provisionByUI(page, ['yyilmaz']);
	await expectStepsDone(page, 4, 5);

	// 5. Enroll with Allow: Push OTP Enabled.
	await enrollOnPhone(page, 'acme-u9', 'Allow');
	await expect(phonePane(page).getByRole('heading', { name: 'MobilePASS+' })).toBeVisible();
	await expectStepsDone(page, 5, 5);
	await expectCompleted(page, 5);
});
