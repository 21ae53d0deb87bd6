import { row, rows } from './hook';
import { expect, test } from './fixtures';
import { enrolledOnSignInPage, NEW_USER, phonePane } from './phone-helpers';

test('Push OTP: Deny, then Yes, Report refuses the sign-in and reports it', async ({ page }) => {
	await enrolledOnSignInPage(page, 'acme-app2', 'Allow');
	const user = (await row(page, 'users', NEW_USER))!;
	const signIn = page.getByRole('main');
	await signIn.getByLabel('User name').fill(String(user.userId));
	await signIn.getByRole('button', { name: 'Next' }).click();
	await signIn.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	const phone = phonePane(page);
	await phone.getByRole('button', { name: 'Deny' }).click();
	await phone.getByRole('button', { name: 'Yes, Report' }).click();
	await expect(signIn.getByRole('status')).toContainText(
		'Sign-in refused: the request was denied on your phone and reported.'
	);
	await expect(signIn.getByText(/Signed in/)).toHaveCount(0);
	const audit = await rows(page, 'audit');
	const denied = audit.find((a) => a.action === 'Push OTP denied');
	expect(denied).toMatchObject({
		operator: user.userId,
		detail: expect.stringMatching(/reported/)
	});
	expect(audit.some((a) => a.action === 'Push OTP approved')).toBe(false);
});
