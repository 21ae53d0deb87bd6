import { provisionByHook } from './provision';
import { expect, openSandbox, test } from './fixtures';
import { cardOf, choosePhone, enrollPlus, NEW_USER, phonePane, tokensOf } from './phone-helpers';

test('No Thanks records Push OTP Disabled; Autosend Passcode on later changes only the app', async ({
	page
}) => {
	await openSandbox(page);
	await provisionByHook(page, NEW_USER, { policy: 'MobilePASS+' });
	await choosePhone(page, NEW_USER);
	const phone = phonePane(page);
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
