import { rows } from './hook';
import { expect, test } from './fixtures';
import { phonePane, signingInWithPush } from './phone-helpers';

test('Push OTP: Deny, then Yes, Report refuses the sign-in and reports it', async ({ page }) => {
	const { user, signIn } = await signingInWithPush(page, 'acme-app2');
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
