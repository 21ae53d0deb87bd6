import { row } from './hook';
import type { Page } from '@playwright/test';
import { provisionByHook } from './provision';
import { expect, expectNoAxeViolations, test } from './fixtures';
import {
	choosePhone,
	enterUserName,
	expectActivated,
	installApp,
	NEW_USER,
	openEnrollmentLink,
	openSignInPage,
	phonePane,
	provisionedPhone,
	readyToEnroll,
	startEnrollment,
	tokensOf
} from './phone-helpers';
import { openPolicyPage } from './scenario-walk-helpers';

/** The Windows 10 device (a Surface Pro) among the seeded phones. */
const WINDOWS_USER = 'acme-u3';

/** The policy row of the target the user's phone falls under. */
async function targetOf(page: Page, userId: string) {
	const phone = (await row(page, 'phones', `phone-${userId}`))!;
	return phone.os === 'Windows' ? 'Windows 10' : String(phone.os);
}

/** The new user's phone shown, MobilePASS+ installed, on the self-enrollment page of their link. */
async function phoneOnEnrollmentPage(page: Page) {
	await choosePhone(page, NEW_USER);
	await installApp(page, 'MobilePASS+');
	await openEnrollmentLink(page);
	return phonePane(page);
}

/** Software Token & Push OTP Settings: a change through the page's own controls. */
async function setRow(
	page: Page,
	target: string,
	change: { allowed?: boolean; app?: 'MobilePASS+' | 'MobilePASS8'; push?: boolean }
) {
	await openPolicyPage(page);
	const allowed = page.getByRole('checkbox', { name: `${target}: Allowed` });
	if (change.allowed !== undefined && (await allowed.isChecked()) !== change.allowed) {
		await allowed.setChecked(change.allowed);
		await expect(allowed).toBeChecked({ checked: change.allowed });
	}
	if (change.app) {
		const radio = page.getByRole('radio', { name: `${target}: ${change.app}` });
		await radio.check();
		await expect(radio).toBeChecked();
	}
	if (change.push !== undefined) {
		const push = page.getByRole('checkbox', { name: `${target}: Push Notifications` });
		await expect(push).toBeEnabled();
		await push.setChecked(change.push);
		await expect(push).toBeChecked({ checked: change.push });
	}
}

test('the policy switch starts the migration: the self-enrollment page sends the user to MobilePASS+', async ({
	page
}) => {
	test.slow(); // an axe scan and several pages on a shared machine
	await openSignInPage(page, 'acme-app4');
	await provisionByHook(page, NEW_USER);
	const target = await targetOf(page, NEW_USER);

	// An upgraded account: every target on MobilePASS8, push off.
	await openPolicyPage(page);
	await expect(page.getByRole('radio', { name: `${target}: MobilePASS8` })).toBeChecked();
	await expect(
		page.getByRole('checkbox', { name: `${target}: Push Notifications` })
	).not.toBeChecked();
	await expect(page.getByRole('radio', { name: 'macOS: MobilePASS+' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	const phone = await phoneOnEnrollmentPage(page);
	await expect(phone.getByTestId('mobilepass8-route')).toContainText(
		`Your organization uses MobilePASS 8 on ${target}`
	);
	await expect(
		phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' })
	).toHaveCount(0);

	// Policy > Token Policies > Software Token & Push OTP Settings: MobilePASS+, with push.
	await setRow(page, target, { app: 'MobilePASS+', push: true });
	await startEnrollment(page);
	await expectActivated(
		page,
		{ state: 'Active', app: 'MobilePASS+', pushOtp: 'Enabled' },
		{ answer: 'Allow' }
	);

	// Each change is audited with what it changed.
	await page.goto('/audit');
	await expect(
		page.getByRole('row').filter({ hasText: 'Software Token & Push OTP Settings' }).first()
	).toContainText('MobilePASS+');
});

test('a target that is not allowed cannot enroll, and the page says so', async ({ page }) => {
	test.slow(); // an axe scan on a shared machine
	await openSignInPage(page, 'acme-app4');
	await provisionByHook(page, NEW_USER, { policy: 'MobilePASS+' });
	const target = await targetOf(page, NEW_USER);
	await setRow(page, target, { allowed: false });
	await expect(page.getByRole('radio', { name: `${target}: MobilePASS+` })).toBeDisabled();
	const phone = await phoneOnEnrollmentPage(page);
	await expect(phone.getByTestId('target-not-allowed')).toContainText(
		`Your organization does not allow MobilePASS tokens on ${target} devices`
	);
	await expect(
		phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' })
	).toHaveCount(0);
	await expectNoAxeViolations(page);
	const [token] = await tokensOf(page, NEW_USER);
	expect(token).toMatchObject({ state: 'Assigned' });
});

test('push off for the target: MobilePASS+ asks no push question and the token records Disabled', async ({
	page
}) => {
	await openSignInPage(page, 'acme-app1');
	await provisionByHook(page, NEW_USER, { policy: 'MobilePASS+' });
	const target = await targetOf(page, NEW_USER);
	await setRow(page, target, { push: false });
	const phone = await phoneOnEnrollmentPage(page);
	await phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' }).click();
	await expectActivated(page, { state: 'Active', app: 'MobilePASS+', pushOtp: 'Disabled' });
	await expect(phone.getByRole('button', { name: 'Allow', exact: true })).toHaveCount(0);
});

test('MobilePASS+ on Windows 10 uses push when its target allows it', async ({ page }) => {
	// The migration started: iOS, Android and Windows 10 on MobilePASS+, push on.
	const phone = await readyToEnroll(page, 'acme-app1', WINDOWS_USER);
	await startEnrollment(page);
	// Windows asks no question: its Notifications & actions setting (on) decides.
	await expectActivated(page, { app: 'MobilePASS+', pushOtp: 'Enabled' }, { userId: WINDOWS_USER });

	const { signIn } = await enterUserName(page, WINDOWS_USER);
	await signIn.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	await phone.getByRole('button', { name: 'Approve' }).click();
	await expect(signIn.getByRole('status')).toContainText('Signed in to STA User Portal');
});

test('the Windows notification setting off: Push OTP Disabled', async ({ page }) => {
	const phone = await provisionedPhone(page, { userId: WINDOWS_USER, app: 'acme-app1' });
	await phone.getByRole('button', { name: 'Edit phone profile' }).click();
	await phone.getByRole('checkbox', { name: /Notifications & actions/ }).uncheck();
	await phone.getByRole('button', { name: 'Save' }).click();
	await installApp(page, 'MobilePASS+');
	await startEnrollment(page);
	await expectActivated(
		page,
		{ app: 'MobilePASS+', pushOtp: 'Disabled' },
		{ userId: WINDOWS_USER }
	);
});
