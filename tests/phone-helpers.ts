import type { Page } from '@playwright/test';
import { expect, openSandbox } from './fixtures';
import { commandOk, row, rowsWhere } from './hook';
import { provisionByHook } from './provision';

/** A user of Acme Corp without a token, whose phone has no MobilePASS app yet. */
export const NEW_USER = 'acme-u15';
/** The Samsung Galaxy S7 on Android 7.0, and the Windows 10 device, among the seeded phones. */
export const OLD_ANDROID_USER = 'acme-u7';

export const phonePane = (page: Page) => page.getByRole('complementary', { name: 'Virtual phone' });

/**
 * Shows the user's phone as a person does: type their user name into the picker (a combobox)
 * and choose them from the list.
 */
export async function choosePhone(page: Page, userId: string) {
	const userName = (await row(page, 'users', userId))!.userId;
	const pane = phonePane(page);
	await pane.getByRole('combobox', { name: 'Whose phone' }).fill(userName);
	await pane
		.getByRole('option', { name: `(${userName})`, exact: false })
		.first()
		.click();
	// The choice goes through the database (every window follows it): wait until it is back.
	await expect(phonePane(page)).toHaveAttribute('data-owner', userId);
	// The closed picker names the phone from its own read, which may land a moment later.
	await expect(pane.getByRole('combobox', { name: 'Whose phone' })).toHaveValue(
		new RegExp(`\\(${userName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) — `)
	);
}

/**
 * Through the hook, for tests about what comes after an enrollment: the user's phone gets
 * MobilePASS+ and enrolls by the link of their open enrollment, answering the push question (Allow unless
 * told); the same commands as the phone's screens and the scenarios' "Do it for me".
 */
export async function enrollByHook(page: Page, userId: string, allowPush = true) {
	const phoneId = `phone-${userId}`;
	if (!(await row(page, 'phones', phoneId))!.installed.mobilePassPlus)
		await commandOk(page, 'installAppCommand', phoneId, 'mobilePassPlus');
	const enrollments = await rowsWhere(page, 'enrollments', 'userId', userId);
	const { code } = enrollments.find((e) => e.status === 'Active')!;
	await commandOk(page, 'enrollCommand', {
		phoneId,
		app: 'MobilePASS+',
		allowPush,
		pin: null,
		code
	});
}

/** A user's tokens as the console stores them. */
export function tokensOf(page: Page, userId: string) {
	return rowsWhere(page, 'tokens', 'userId', userId);
}

/** The card a phone holds for a serial (one card per enrollment, so the newest). */
export async function cardOf(page: Page, phoneId: string, serial: string) {
	const cards = await rowsWhere(page, 'appTokens', 'serial', serial);
	return cards.filter((c) => c.phoneId === phoneId).sort((a, b) => b.enrolledAt - a.enrolledAt)[0];
}

export async function goHome(page: Page) {
	const home = phonePane(page).getByRole('button', { name: 'Home', exact: true });
	if (await home.isVisible()) await home.click();
}

/** Home → Mail → the newest enrollment email (opening it marks it read). */
export async function openEnrollmentMail(page: Page) {
	const phone = phonePane(page);
	await goHome(page);
	await phone.getByRole('button', { name: /^Mail/ }).click();
	await phone
		.getByRole('button', { name: /SafeNet MobilePASS\+ token enrollment/ })
		.first()
		.click();
}

/** Mail → the enrollment email → Open this email on the computer. Returns the computer screen. */
export async function openEnrollmentMailOnComputer(page: Page) {
	const phone = phonePane(page);
	await openEnrollmentMail(page);
	await phone.getByRole('button', { name: 'Open this email on the computer' }).click();
	return phone.getByRole('region', { name: 'Computer screen' });
}

/** Home → an app by its name on the home screen. */
export async function openApp(page: Page, app: 'MobilePASS+' | 'MobilePASS 8') {
	await goHome(page);
	await phonePane(page).getByRole('button', { name: app, exact: true }).click();
}

/** Mail → the enrollment email → its self-enrollment link. */
export async function openEnrollmentLink(page: Page, live = true) {
	const phone = phonePane(page);
	await openEnrollmentMail(page);
	await phone.getByRole('button', { name: 'Open the self-enrollment page' }).click();
	if (live) await expect(phone.getByRole('heading', { name: 'Self-enrollment' })).toBeVisible();
}

export async function installApp(page: Page, app: 'MobilePASS+' | 'MobilePASS 8') {
	const phone = phonePane(page);
	await goHome(page);
	await phone.getByRole('button', { name: 'App Store' }).click();
	await phone.getByRole('button', { name: `Get ${app}` }).click();
	await expect(phone.getByRole('button', { name: `Remove ${app}` })).toBeVisible();
}

/** Install MobilePASS+, follow the link, answer the push question; ends on Activation Successful. */
export async function enrollPlus(
	page: Page,
	answer: 'Allow' | 'No Thanks',
	{ pin }: { pin?: string } = {}
) {
	const phone = phonePane(page);
	await installApp(page, 'MobilePASS+');
	await startEnrollment(page);
	await phone.getByRole('button', { name: answer, exact: true }).click();
	if (pin) {
		// The virtual server's PIN policy asks for one: Create a PIN.
		await phone.getByLabel('PIN', { exact: true }).fill(pin);
		await phone.getByLabel('Confirm PIN').fill(pin);
		await phone.getByRole('button', { name: 'Continue' }).click();
	}
	await expect(phone.getByRole('heading', { name: 'Activation Successful' })).toBeVisible();
}

/**
 * A user (the new user unless told) provisioned through the hook (the migration started unless `policy: null`), their phone
 * shown; on the console's start page, or on the sign-in page of `app`. Returns the phone pane.
 */
export async function provisionedPhone(
	page: Page,
	{
		userId = NEW_USER,
		app,
		policy = 'MobilePASS+'
	}: { userId?: string; app?: string; policy?: 'MobilePASS+' | null } = {}
) {
	if (app) await openSignInPage(page, app);
	else await openSandbox(page);
	await provisionByHook(page, userId, policy ? { policy } : {});
	await choosePhone(page, userId);
	return phonePane(page);
}

/**
 * The user (the new user unless told), provisioned (the migration started), their phone shown
 * with MobilePASS+ installed, on the sign-in page of an application: ready to enroll.
 */
export async function readyToEnroll(page: Page, appId = 'acme-app1', userId = NEW_USER) {
	await provisionedPhone(page, { userId, app: appId });
	await installApp(page, 'MobilePASS+');
	return phonePane(page);
}

/** Mail → the enrollment email → its link → Enroll your SafeNet MobilePASS+ token. */
export async function startEnrollment(page: Page) {
	await openEnrollmentLink(page);
	await phonePane(page)
		.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' })
		.click();
}

/**
 * The push question answered (when `answer` is given), the phone shows Activation Successful and
 * the console's token of the user (the new user unless told) matches `expected` (their MobilePASS+
 * token when they hold several). Returns that token.
 */
export async function expectActivated(
	page: Page,
	expected: Record<string, unknown>,
	{ userId = NEW_USER, answer }: { userId?: string; answer?: 'Allow' | 'No Thanks' } = {}
) {
	if (answer) await phonePane(page).getByRole('button', { name: answer, exact: true }).click();
	await expect(
		phonePane(page).getByRole('heading', { name: 'Activation Successful' })
	).toBeVisible();
	const tokens = await tokensOf(page, userId);
	const token = tokens.length === 1 ? tokens[0] : tokens.find((t) => t.app === 'MobilePASS+');
	expect(token).toMatchObject(expected);
	return token!;
}

/** The user, provisioned, enrolled with MobilePASS+, on the sign-in page of an application. */
export async function enrolledOnSignInPage(
	page: Page,
	appId: string,
	answer: 'Allow' | 'No Thanks'
) {
	await provisionedPhone(page, { app: appId });
	await enrollPlus(page, answer);
}

/**
 * On the sign-in page: the user's name typed, Next. Returns the user's row and the sign-in form.
 */
export async function enterUserName(page: Page, userId = NEW_USER) {
	const user = (await row(page, 'users', userId))!;
	const signIn = page.getByRole('main');
	await signIn.getByLabel('User name').fill(String(user.userId));
	await signIn.getByRole('button', { name: 'Next' }).click();
	return { user, signIn };
}

/** The new user enrolled with Allow, on an application's sign-in page, their user name entered. */
export async function signingInWithPush(page: Page, appId: string) {
	await enrolledOnSignInPage(page, appId, 'Allow');
	return enterUserName(page);
}

/** An application's sign-in page, once the sandbox has started (the hook exists from then on). */
export async function openSignInPage(page: Page, appId: string) {
	await page.goto(`/apps/login?app=${appId}`);
	await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible({
		timeout: 15_000
	});
}
