import { expect, expectNoAxeViolations, test } from './fixtures';
import {
	enterUserName,
	goHome,
	installApp,
	openEnrollmentLink,
	provisionedPhone,
	startEnrollment
} from './phone-helpers';

/** The phone's screens are scanned alone once the whole page has been (a lighter scan). */
const PHONE = 'aside[aria-label="Virtual phone"]';

test('axe finds no violations on the phone screens and the sign-in page', async ({ page }) => {
	test.setTimeout(240_000); // a dozen axe scans in one walk through the phone, on a shared machine
	const phone = await provisionedPhone(page, { app: 'acme-app1' });
	await phone.getByRole('button', { name: 'Edit phone profile' }).click();
	await expectNoAxeViolations(page);
	await phone.getByRole('button', { name: 'Cancel' }).click();

	await installApp(page, 'MobilePASS 8');
	await expectNoAxeViolations(page, PHONE); // App Store
	await phone.getByRole('button', { name: 'Get MobilePASS+' }).click();
	await openEnrollmentLink(page);
	await phone.getByRole('button', { name: 'Scan a QR code instead' }).click();
	await phone.getByRole('button', { name: 'Use an activation string instead' }).click();
	await expect(phone.getByTestId('enrollment-qr')).toBeVisible();
	await expectNoAxeViolations(page, PHONE); // self-enrollment page

	await goHome(page);
	await phone.getByRole('button', { name: 'MobilePASS 8', exact: true }).click();
	await phone.getByRole('button', { name: 'Activate token' }).click();
	await expectNoAxeViolations(page, PHONE); // MobilePASS 8 activation
	await startEnrollment(page);
	await expectNoAxeViolations(page, PHONE); // push question
	await phone.getByRole('button', { name: 'Allow' }).click();
	await expect(phone.getByRole('heading', { name: 'Activation Successful' })).toBeVisible();
	await expectNoAxeViolations(page, PHONE);
	await phone.getByRole('button', { name: 'Done' }).click();
	await phone.getByRole('button', { name: 'Token info' }).click();
	await expectNoAxeViolations(page, PHONE); // token list
	await phone.getByRole('button', { name: 'Settings' }).click();
	await expectNoAxeViolations(page, PHONE); // Autosend Passcode
	await goHome(page);
	await phone.getByRole('button', { name: 'Browser' }).click();
	await expectNoAxeViolations(page, PHONE); // bookmarks

	await enterUserName(page);
	await page.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	await expect(phone.getByRole('alertdialog')).toBeVisible();
	await expectNoAxeViolations(page); // push request
	await phone.getByRole('button', { name: 'Deny' }).click();
	await expectNoAxeViolations(page, PHONE); // Report?
});
