import { menuPath } from './console-helpers';
/**
 * What a trainee does in a scenario walkthrough, through the UI only: the console pages on the
 * left, the virtual phone on the right, and the application sign-in page.
 */
import type { Page } from '@playwright/test';
import { expect, openSandbox } from './fixtures';
import {
	choosePhone,
	installApp,
	openEnrollmentMail as openPhoneMail,
	phonePane
} from './phone-helpers';

export const checklist = (page: Page) => page.getByRole('region', { name: /^Scenario/ });

/**
 * Starts a scenario from the library, through the confirmation; with `steps`, checks that none
 * of its steps is done yet.
 */
export async function startScenario(page: Page, title: string, steps?: number) {
	await openSandbox(page, '/scenarios');
	await page.getByRole('button', { name: `Start: ${title}` }).click();
	await page.getByRole('button', { name: 'Reset world and start' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(checklist(page)).toBeVisible();
	if (steps) await expectStepsDone(page, 0, steps);
}

/** The checklist shows `done` steps ticked (✓, not skipped) of `total`. */
export async function expectStepsDone(page: Page, done: number, total: number) {
	await expect(page.getByTestId('checklist-count')).toHaveText(`${done} of ${total} steps`);
	const items = checklist(page).getByRole('listitem');
	for (let i = 0; i < done; i++) await expect(items.nth(i)).toContainText('Done:');
	if (done < total) await expect(items.nth(done)).toContainText('To do:');
}

/** The checklist's Do it for me, then its count reads `done` of `total` steps. */
export async function doItForMe(page: Page, done: number, total: number) {
	await checklist(page).getByRole('button', { name: 'Do it for me' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText(`${done} of ${total} steps`);
}

/** The completion summary: every step done, none skipped. */
export async function expectCompleted(page: Page, total: number) {
	await expect(checklist(page).getByRole('status')).toContainText(
		new RegExp(`Scenario complete: ${total} of ${total} steps done, in `)
	);
}

/**
 * Policy > Token Policies > Software Token & Push OTP Settings: iOS and Android on MobilePASS+,
 * with Push Notifications (the first migration step).
 */
export async function switchMobilesToPlus(page: Page) {
	await openPolicyPage(page);
	for (const target of ['iOS', 'Android']) {
		const plus = page.getByRole('radio', { name: `${target}: MobilePASS+` });
		await plus.check();
		await expect(plus).toBeChecked();
		const push = page.getByRole('checkbox', { name: `${target}: Push Notifications` });
		await expect(push).toBeEnabled();
		await push.check();
		await expect(push).toBeChecked();
	}
}

/** Policy > Token Policies > Software Token & Push OTP Settings, through the console's menus. */
export async function openPolicyPage(page: Page) {
	// From a page without the console (an application's sign-in page), open the console first.
	if ((await page.getByRole('navigation', { name: 'Console' }).count()) === 0)
		await openSandbox(page, '/');
	await menuPath(page, 'Policy', 'Token Policies', 'Software Token & Push OTP Settings');
	await expect(page).toHaveURL(/\/policy\/software-tokens$/);
	await expect(
		page.getByRole('table', { name: 'Allowed targets and push notifications' })
	).toBeVisible();
}

/** Token List: filter by the user and the app, open the token's details. */
export async function openTokenOf(page: Page, userName: string, app: string) {
	await menuPath(page, 'Tokens', 'Tokens');
	// Wait for the Token List itself: the page before it may have a search box of its own.
	await expect(page.getByRole('table', { name: 'Token List' })).toBeVisible();
	await page.getByRole('searchbox', { name: 'Search', exact: true }).fill(userName);
	await page.getByRole('combobox', { name: 'App' }).selectOption(app);
	await expect(page.getByTestId('pager-status')).toHaveText(/of 1 token/);
	await page.getByRole('table', { name: 'Token List' }).getByRole('link').first().click();
	await expect(page.getByTestId('token-state')).toBeVisible();
}

/** Token details > Revoke > Return to inventory. */
export async function revokeToInventory(page: Page) {
	const serial = (await page.getByTestId('serial').textContent())!.trim();
	await page.getByRole('button', { name: 'Revoke' }).click();
	const dialog = page.getByRole('dialog', { name: `Revoke token ${serial}` });
	await dialog.getByRole('radio', { name: /Return to inventory/ }).check();
	await dialog.getByRole('button', { name: 'Revoke' }).click();
	await expect(page.getByTestId('token-state')).toHaveText('Inventory');
}

/** Sandbox > Migration clean-up: revoke every listed MobilePASS 8 token, return to inventory. */
export async function migrationCleanUp(page: Page, count: number) {
	await menuPath(page, 'Sandbox', 'Migration clean-up');
	await expect(page.getByTestId('cleanup-count')).toHaveText(`${count} token(s) to revoke`);
	await page.getByRole('button', { name: 'Revoke and return to inventory…' }).click();
	await page
		.getByRole('dialog', { name: `Revoke ${count} MobilePASS 8 token(s)?` })
		.getByRole('button', { name: `Revoke ${count} token(s)` })
		.click();
	await expect(page.getByTestId('cleanup-count')).toHaveText('0 token(s) to revoke');
}

/**
 * The user's phone, on its home screen. Choosing another phone is written to the preferences
 * first, so wait until the home screen names the new owner before tapping anything.
 */
export async function showPhoneOf(page: Page, userId: string) {
	const phone = phonePane(page);
	const picker = phone.getByRole('combobox', { name: 'Whose phone' });
	await expect(picker).not.toHaveValue('');
	if ((await picker.getAttribute('data-user-id')) !== userId) await choosePhone(page, userId);
	else {
		const home = phone.getByRole('button', { name: 'Home', exact: true });
		if (await home.isVisible()) await home.click();
	}
	// The picker reads "First Last (user name) — model, OS".
	const owner = (await picker.inputValue()).split(' (')[0];
	await expect(phone.getByText(`${owner}'s phone`)).toBeVisible();
}

/** On the user's phone: Mail, the enrollment email (opening it marks it read). */
export async function openEnrollmentMail(page: Page, userId: string) {
	await showPhoneOf(page, userId);
	await openPhoneMail(page);
}

/**
 * The user installs MobilePASS+, opens the email's self-enrollment link and enrolls; with
 * `activationString`, types the string from the page into MobilePASS+ instead of the link.
 */
export async function enrollOnPhone(
	page: Page,
	userId: string,
	answer: 'Allow' | 'No Thanks',
	via: 'link' | 'activation string' = 'link'
) {
	const phone = phonePane(page);
	await showPhoneOf(page, userId);
	await installApp(page, 'MobilePASS+');
	await openEnrollmentMail(page, userId);
	await phone.getByRole('button', { name: 'Open the self-enrollment page' }).click();
	await expect(phone.getByRole('heading', { name: 'Self-enrollment' })).toBeVisible();
	if (via === 'link') {
		await phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' }).click();
	} else {
		await phone.getByRole('button', { name: 'Use an activation string instead' }).click();
		const text = (await phone.getByTestId('activation-string').textContent())!.trim();
		await phone.getByRole('button', { name: 'Open MobilePASS+' }).click();
		// MobilePASS+ opens on Add token with activation string.
		await expect(phone.getByRole('heading', { name: 'Enter activation string' })).toBeVisible();
		await phone.getByLabel('Activation string').fill(text);
		await phone.getByRole('button', { name: 'Next' }).click();
	}
	await phone.getByRole('button', { name: answer, exact: true }).click();
	await expect(phone.getByRole('heading', { name: 'Activation Successful' })).toBeVisible();
	await phone.getByRole('button', { name: 'Done' }).click();
}

/**
 * Sign in with "Use my mobile to autosend a password" and Approve on the phone. `where` is the
 * sign-in form: the application's page, or the phone's own Browser.
 */
export async function signInWithPush(
	page: Page,
	where: ReturnType<Page['getByRole']>,
	userName: string,
	appName: string
) {
	await where.getByLabel('User name').fill(userName);
	await where.getByRole('button', { name: 'Next' }).click();
	await where.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	const prompt = phonePane(page).getByRole('alertdialog', { name: 'Authentication request' });
	await expect(prompt).toContainText(appName);
	await prompt.getByRole('button', { name: 'Approve' }).click();
	await expect(where.getByRole('status').filter({ hasText: 'Signed in to' })).toContainText(
		`Signed in to ${appName} as ${userName}`
	);
}
