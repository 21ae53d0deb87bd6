import { expect, test } from './fixtures';
import { phonePane, signingInWithPush } from './phone-helpers';

test('Push OTP: Approve on the phone signs in to the application', async ({ page }) => {
	const { user, signIn } = await signingInWithPush(page, 'acme-app1');
	await expect(signIn.getByLabel('Passcode')).toHaveAttribute('autocomplete', 'one-time-code');
	await expect(signIn.getByLabel('Passcode')).toHaveAttribute('inputmode', 'numeric');
	await signIn.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	await expect(signIn.getByRole('status')).toContainText(
		'A request was sent to your MobilePASS+ app'
	);

	// The request shows over whatever screen the phone is on.
	const prompt = phonePane(page).getByRole('alertdialog', { name: 'Authentication request' });
	await expect(prompt).toContainText('STA User Portal');
	await expect(prompt).toContainText('Amsterdam');
	await prompt.getByRole('button', { name: 'Approve' }).click();
	await expect(signIn.getByRole('status')).toContainText(
		`Signed in to STA User Portal as ${user.userId}`
	);
	await expect(prompt).toHaveCount(0);
});

test('an application without Push OTP offers no push; the user types the code', async ({
	page
}) => {
	const { signIn } = await signingInWithPush(page, 'acme-app4');
	await expect(signIn.getByText(/does not support Push OTP/)).toBeVisible();
	await expect(signIn.getByRole('button', { name: /autosend/ })).toHaveCount(0);
	await phonePane(page).getByRole('button', { name: 'Done' }).click();
	const code = await phonePane(page).getByTestId('passcode').getAttribute('data-code');
	await signIn.getByLabel('Passcode').fill(code!);
	await signIn.getByRole('button', { name: 'Sign in' }).click();
	await expect(signIn.getByRole('status')).toContainText('Signed in to Legacy Timesheets');
});
