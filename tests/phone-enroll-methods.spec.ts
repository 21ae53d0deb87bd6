import { expect, expectNoAxeViolations, test } from './fixtures';
import {
	expectActivated,
	NEW_USER,
	openApp,
	openEnrollmentMailOnComputer,
	readyToEnroll,
	tokensOf
} from './phone-helpers';

test('QR code enrollment from the app: the computer shows the page, MobilePASS+ scans it', async ({
	page
}) => {
	test.slow(); // an axe scan on a shared machine
	const phone = await readyToEnroll(page);

	// Mail > the enrollment email > open it on the computer: its self-enrollment page shows the QR.
	const computer = await openEnrollmentMailOnComputer(page);
	await computer.getByRole('button', { name: 'Scan a QR code instead' }).click();
	await expect(computer.getByTestId('enrollment-qr')).toBeVisible();

	// MobilePASS+ > Quick Setup > Activate Now: the camera sees the QR.
	await openApp(page, 'MobilePASS+');
	await phone.getByRole('button', { name: 'Activate Now' }).click();
	await expect(phone.getByText('A QR code on the computer screen is in view.')).toBeVisible();
	await expectNoAxeViolations(page); // computer screen and camera
	await phone.getByRole('button', { name: 'Scan the QR code' }).click();
	await phone.getByRole('button', { name: 'Allow', exact: true }).click();
	await expectActivated(page, { state: 'Active', app: 'MobilePASS+', pushOtp: 'Enabled' });
});

test('copy-paste enrollment from the welcome screen: Use an activation string instead', async ({
	page
}) => {
	const phone = await readyToEnroll(page);
	// The string, copied from the computer's self-enrollment page.
	const computer = await openEnrollmentMailOnComputer(page);
	const copied = (await computer.getByTestId('computer-activation-string').textContent())!.trim();

	await openApp(page, 'MobilePASS+');
	await expect(
		phone.getByRole('heading', { name: 'Welcome to SafeNet MobilePASS+' })
	).toBeVisible();
	await phone.getByRole('button', { name: 'Use an activation string instead' }).click();
	const field = phone.getByLabel('Activation string');
	// Copy and paste through the system clipboard, as a user would.
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.evaluate((text) => navigator.clipboard.writeText(text), copied);
	await field.focus();
	await page.keyboard.press('ControlOrMeta+V');
	await expect(field).toHaveValue(copied);
	await phone.getByRole('button', { name: 'Next' }).click();
	await expectActivated(
		page,
		{ state: 'Active', app: 'MobilePASS+', pushOtp: 'Disabled' },
		{ answer: 'No Thanks' }
	);
});

test('a third-party otpauth:// token scanned into MobilePASS+ shows with its own icon', async ({
	page
}) => {
	const phone = await readyToEnroll(page);
	await openApp(page, 'MobilePASS+');
	await phone.getByRole('button', { name: 'Activate Now' }).click();
	await phone
		.getByRole('button', { name: /Show another service's QR code on the computer/ })
		.click();
	await phone.getByRole('button', { name: 'Scan the QR code' }).click();
	const card = phone.getByRole('region', { name: /Token Example Webmail/ });
	await expect(card).toBeVisible();
	await expect(card.getByText('Third-party token:')).toBeAttached();
	await expect(card.getByTestId('passcode')).toHaveText(/^\d{3} \d{3}$/);
	// The console knows nothing of it: the user's token is still waiting for enrollment.
	const [token] = await tokensOf(page, NEW_USER);
	expect(token).toMatchObject({ state: 'Assigned' });
});
