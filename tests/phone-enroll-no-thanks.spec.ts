import { expect, test } from './fixtures';
import { cardOf, enrollPlus, NEW_USER, provisionedPhone, tokensOf } from './phone-helpers';

test('No Thanks records Push OTP Disabled; Autosend Passcode on later changes only the app', async ({
	page
}) => {
	const phone = await provisionedPhone(page);
	await enrollPlus(page, 'No Thanks');
	await expect(phone.getByText(/Push OTP is off/)).toBeVisible();
	const [token] = await tokensOf(page, NEW_USER);
	expect(token).toMatchObject({ state: 'Active', pushOtp: 'Disabled' });

	await phone.getByRole('button', { name: 'Done' }).click();
	await phone.getByRole('button', { name: 'Settings' }).click();
	const slider = phone.getByRole('switch', { name: 'Autosend Passcode' });
	await expect(slider).toHaveAttribute('aria-checked', 'false');
	await slider.click();
	await expect(slider).toHaveAttribute('aria-checked', 'true');
	await expect(slider).toHaveCSS('background-color', 'rgb(26, 115, 232)');

	const appToken = await cardOf(page, `phone-${NEW_USER}`, token.serial as string);
	expect(appToken).toMatchObject({ autosend: true });
	const [after] = await tokensOf(page, NEW_USER);
	expect(after.pushOtp).toBe('Disabled');
});
