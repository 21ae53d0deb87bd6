import { expect, test } from './fixtures';
import {
	installApp,
	NEW_USER,
	openEnrollmentLink,
	provisionedPhone,
	tokensOf
} from './phone-helpers';

test('MobilePASS 8 enrollment with the activation string and a PIN: Push OTP Not Applicable', async ({
	page
}) => {
	// Provisioned without the policy switch: the upgraded account's MobilePASS8 row.
	const phone = await provisionedPhone(page, { policy: null });
	await installApp(page, 'MobilePASS 8');
	await openEnrollmentLink(page);
	await phone.getByRole('button', { name: 'Use an activation string instead' }).click();
	const activation = (await phone.getByTestId('activation-string').textContent())!;
	await phone.getByRole('button', { name: 'Open MobilePASS 8' }).click();

	// A wrong string counts as a failed attempt and is refused.
	await phone.getByLabel('Activation string').fill('0000-0000-0000-0000');
	await phone.getByLabel('PIN', { exact: true }).fill('2468');
	await phone.getByLabel('Confirm PIN').fill('2468');
	await phone.getByRole('button', { name: 'Activate' }).click();
	await expect(phone.getByRole('alert')).toContainText('Wrong activation string (1 of 5 attempts)');

	await phone.getByLabel('Activation string').fill(activation);
	await phone.getByRole('button', { name: 'Activate' }).click();
	// MobilePASS 8 asks for the token PIN before it shows a passcode.
	await phone.getByLabel('Token PIN').fill('2468');
	await phone.getByLabel('Token PIN').press('Enter');
	await expect(phone.getByTestId('passcode')).toHaveText(/^\d{3} \d{3}$/);
	const [token] = await tokensOf(page, NEW_USER);
	expect(token).toMatchObject({ state: 'Active', app: 'MobilePASS 8', pushOtp: 'Not Applicable' });
	await expect(page.getByTestId('count-Active')).toHaveText('11');
});
