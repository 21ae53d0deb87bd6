import { updateRow } from './hook';
import type { Page } from '@playwright/test';
import { provisionByHook } from './provision';
import { expect, expectNoAxeViolations, test } from './fixtures';
import {
	choosePhone,
	enrollPlus,
	enterUserName,
	goHome,
	NEW_USER,
	openSignInPage,
	phonePane
} from './phone-helpers';

/** Acme Corp's MobilePASS+ tokens get a PIN (VirtualServer.pinPolicy; no console page sets it yet). */
async function tokenPinPolicy(page: Page) {
	await updateRow(page, 'servers', 'acme', { pinPolicy: 'Token PIN' });
}

/** A paste into the focused PIN field, with the clipboard's text. */
async function pastePin(page: Page, text: string) {
	await phonePane(page)
		.getByLabel('Token PIN')
		.evaluate((input: HTMLInputElement, t) => {
			const data = new DataTransfer();
			data.setData('text', t);
			input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
		}, text);
}

async function enrollWithPin(page: Page, pin: string) {
	await tokenPinPolicy(page);
	await provisionByHook(page, NEW_USER, { policy: 'MobilePASS+' });
	await choosePhone(page, NEW_USER);
	await enrollPlus(page, 'Allow', { pin });
	await phonePane(page).getByRole('button', { name: 'Done' }).click();
}

test('MobilePASS+ asks for the token PIN before it shows a passcode and before it approves a push', async ({
	page
}) => {
	test.slow(); // two axe scans
	await openSignInPage(page, 'acme-app1');
	await enrollWithPin(page, '2468');
	const phone = phonePane(page);
	await expect(phone.getByText('Enter PIN to show the passcode')).toBeVisible();
	await expect(phone.getByTestId('passcode')).toHaveCount(0);
	await expectNoAxeViolations(page); // the PIN prompt

	// A wrong PIN is refused and counted; a pasted right one shows the code.
	await phone.getByLabel('Token PIN').fill('0000');
	await phone.getByRole('button', { name: 'OK', exact: true }).click();
	await expect(phone.getByRole('alert')).toContainText('Wrong PIN (1 of 5 attempts)');
	await pastePin(page, ' 24 68 ');
	await expect(phone.getByLabel('Token PIN')).toHaveValue('2468');
	await phone.getByLabel('Token PIN').press('Enter');
	await expect(phone.getByTestId('passcode')).toHaveText(/^\d{3} \d{3}$/);

	// Push: Approve asks for the PIN first (the app was left, so it is locked again).
	await goHome(page);
	const { signIn } = await enterUserName(page);
	await signIn.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	const card = phone.getByRole('alertdialog', { name: 'Authentication request' });
	await card.getByRole('button', { name: 'Approve' }).click();
	await expect(card.getByText('Enter PIN to approve this request')).toBeVisible();
	await expectNoAxeViolations(page); // PIN in the push card
	await card.getByLabel('Token PIN').fill('2468');
	await card.getByLabel('Token PIN').press('Enter');
	await expect(signIn.getByRole('status')).toContainText('Signed in to STA User Portal');
});

test('after 5 wrong PINs the token must be re-enrolled', async ({ page }) => {
	await openSignInPage(page, 'acme-app4');
	await enrollWithPin(page, '1357');
	const phone = phonePane(page);
	const pin = phone.getByLabel('Token PIN');
	for (let i = 1; i <= 4; i++) {
		await pin.fill('9999');
		await pin.press('Enter');
		await expect(phone.getByRole('alert')).toContainText(`Wrong PIN (${i} of 5 attempts)`);
	}
	await pin.fill('9999');
	await pin.press('Enter');
	await expect(phone.getByTestId('pin-blocked')).toContainText('This token must be re-enrolled');
	await expect(phone.getByLabel('Token PIN')).toHaveCount(0);
	await expect(phone.getByTestId('passcode')).toHaveCount(0);
});
