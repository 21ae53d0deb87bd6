import { expect, test } from './fixtures';
import { enrollPlus, NEW_USER, provisionedPhone, tokensOf } from './phone-helpers';

test('MobilePASS+ enrollment with Allow: the console shows the token Active, Push OTP Enabled', async ({
	page
}) => {
	const phone = await provisionedPhone(page);
	const profile = await phone.getByRole('combobox', { name: 'Whose phone' }).inputValue();
	// The picker names the model and OS version; the console records the OS (Target) and the
	// form factor (Device Type) only.
	const [, os] = profile.match(/— .+, (\S+) [\d.]+$/)!;

	// The enrollment email: unread, with sender, subject, link and expiry date.
	await expect(phone.getByRole('button', { name: 'Mail, 1 unread' })).toBeVisible();
	await phone.getByRole('button', { name: /^Mail/ }).click();
	await expect(phone.getByLabel('Unread')).toHaveCount(1);
	await phone.getByRole('button', { name: /SafeNet MobilePASS\+ token enrollment/ }).click();
	await expect(phone.getByText(/From: SafeNet Trusted Access/)).toBeVisible();
	await expect(phone.getByText(/The link expires on 2026\/03\/09/)).toBeVisible();

	// Without MobilePASS+ the page points to the App Store.
	await phone.getByRole('button', { name: 'Open the self-enrollment page' }).click();
	await expect(phone.getByText('Install SafeNet MobilePASS+ on this device.')).toBeVisible();
	await phone.getByRole('button', { name: 'Get MobilePASS+ on the App Store' }).click();
	await expect(phone.getByRole('heading', { name: 'App Store' })).toBeVisible();

	await enrollPlus(page, 'Allow');
	const apps = phone.getByRole('region', { name: 'Applications you can use with Push OTP' });
	await expect(apps.getByRole('listitem')).toHaveText([
		/STA User Portal/,
		/Remote Access VPN/,
		/Outlook Web App/
	]);
	await phone.getByRole('button', { name: 'Done' }).click();
	await expect(phone.getByTestId('passcode')).toHaveText(/^\d{3} \d{3}$/);

	// The console follows at once.
	await expect(page.getByTestId('count-Active')).toHaveText('11');
	await expect(page.getByTestId('count-Assigned')).toHaveText('0');
	const [token] = await tokensOf(page, NEW_USER);
	expect(token).toMatchObject({
		state: 'Active',
		app: 'MobilePASS+',
		pushOtp: 'Enabled',
		target: os,
		deviceType: 'Mobile'
	});

	// The link works once.
	await phone.getByRole('button', { name: 'Home', exact: true }).click();
	await phone.getByRole('button', { name: /^Mail/ }).click();
	await phone.getByRole('button', { name: /SafeNet MobilePASS\+ token enrollment/ }).click();
	await phone.getByRole('button', { name: 'Open the self-enrollment page' }).click();
	await expect(phone.getByRole('alert')).toContainText(
		'This enrollment link has already been used'
	);
});
