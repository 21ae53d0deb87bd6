import { expect, test } from './fixtures';
import {
	enrolledOnSignInPage,
	enterUserName,
	NEW_USER,
	phonePane,
	tokensOf
} from './phone-helpers';

test('five wrong passcodes lock the token; the console shows it Locked', async ({ page }) => {
	test.slow(); // six sign-ins on a shared machine
	await enrolledOnSignInPage(page, 'acme-app4', 'No Thanks');
	const { signIn } = await enterUserName(page);
	await phonePane(page).getByRole('button', { name: 'Done' }).click();
	const right = (await phonePane(page).getByTestId('passcode').getAttribute('data-code'))!;
	const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
	for (let i = 1; i <= 4; i++) {
		await signIn.getByLabel('Passcode').fill(wrong);
		await signIn.getByRole('button', { name: 'Sign in' }).click();
		await expect(signIn.getByRole('alert')).toContainText(`Wrong passcode (${i} of 5`);
	}
	await signIn.getByLabel('Passcode').fill(wrong);
	await signIn.getByRole('button', { name: 'Sign in' }).click();
	await expect(signIn.getByRole('alert')).toContainText('Your token is now Locked');
	const [token] = await tokensOf(page, NEW_USER);
	expect(token).toMatchObject({ state: 'Locked', failedCount: 5 });

	// The right code is now refused with the reason.
	const now = (await phonePane(page).getByTestId('passcode').getAttribute('data-code'))!;
	await signIn.getByLabel('Passcode').fill(now);
	await signIn.getByRole('button', { name: 'Sign in' }).click();
	await expect(signIn.getByRole('alert')).toContainText('is Locked after too many failed sign-ins');

	await page.goto('/');
	await expect(page.getByTestId('count-Locked')).toHaveText('1');
});
