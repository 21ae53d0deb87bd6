import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The automation hook's shape, as far as the phone tests use it (see src/routes/+layout.svelte). */
type Hooked = {
	__sandbox: {
		db: {
			table(name: string): {
				get(key: string): Promise<unknown>;
				where(index: string): { equals(v: string): { toArray(): Promise<unknown[]> } };
			};
		};
	};
	__commands: {
		provisionCommand(db: unknown, serverId: string, userIds: string[]): Promise<{ ok: boolean }>;
		changeTargetSettingCommand(
			db: unknown,
			serverId: string,
			target: string,
			setting: { allowed: boolean; app: string; push: boolean }
		): Promise<{ ok: boolean; reason?: string }>;
	};
};

/** A user of Acme Corp without a token, whose phone has no MobilePASS app yet. */
export const NEW_USER = 'acme-u15';
/** The Samsung Galaxy S7 on Android 7.0, and the Windows 10 device, among the seeded phones. */
export const OLD_ANDROID_USER = 'acme-u7';

export const phonePane = (page: Page) => page.getByRole('complementary', { name: 'Virtual phone' });

/**
 * Provision through the console's automation hook (the Provision UI is built elsewhere). By
 * default the virtual server has started its migration first: Software Token & Push OTP
 * Settings send iOS, Android and Windows 10 users to MobilePASS+, with push. `policy:
 * 'MobilePASS 8'` keeps the seeded upgraded account (every target on MobilePASS8, push off).
 */
export async function provision(
	page: Page,
	userId: string,
	{ policy = 'MobilePASS+' }: { policy?: 'MobilePASS+' | 'MobilePASS 8' } = {}
) {
	// The world is ready once the phone picker names the phone it shows.
	await expect(phonePane(page).getByRole('combobox', { name: 'Whose phone' })).not.toHaveValue('');
	if (policy === 'MobilePASS+') await setPolicy(page, ['iOS', 'Android', 'Windows 10'], true);
	const result = await page.evaluate((id) => {
		const w = globalThis as unknown as Hooked;
		return w.__commands.provisionCommand(w.__sandbox.db, 'acme', [id]);
	}, userId);
	expect(result.ok).toBe(true);
}

/** Software Token & Push OTP Settings for Acme Corp, through the hook: targets on MobilePASS+. */
export async function setPolicy(page: Page, targets: string[], push: boolean, allowed = true) {
	for (const target of targets) {
		const result = await page.evaluate(
			([t, p, a]) => {
				const w = globalThis as unknown as Hooked;
				return w.__commands.changeTargetSettingCommand(w.__sandbox.db, 'acme', t, {
					allowed: a,
					app: 'MobilePASS+',
					push: p
				});
			},
			[target, push, allowed] as const
		);
		// Refused only when the row already had these settings.
		expect(result.ok || /nothing to change/.test(String(result.reason))).toBe(true);
	}
}

/**
 * Shows the user's phone as a person does: type their user name into the picker (a combobox)
 * and choose them from the list.
 */
export async function choosePhone(page: Page, userId: string) {
	const userName = await page.evaluate(async (id) => {
		const w = globalThis as unknown as Hooked;
		return ((await w.__sandbox.db.table('users').get(id)) as { userId: string }).userId;
	}, userId);
	const pane = phonePane(page);
	await pane.getByRole('combobox', { name: 'Whose phone' }).fill(userName);
	await pane
		.getByRole('option', { name: `(${userName})`, exact: false })
		.first()
		.click();
	// The choice goes through the database (every window follows it): wait until it is back.
	await expect(phonePane(page)).toHaveAttribute('data-owner', userId);
}

/** A user's tokens as the console stores them. */
export async function tokensOf(page: Page, userId: string) {
	return page.evaluate((id) => {
		const w = globalThis as unknown as Hooked;
		return w.__sandbox.db.table('tokens').where('userId').equals(id).toArray();
	}, userId) as Promise<Record<string, unknown>[]>;
}

export async function row(page: Page, table: string, key: string) {
	return page.evaluate(
		([t, k]) => (globalThis as unknown as Hooked).__sandbox.db.table(t).get(k),
		[table, key]
	) as Promise<Record<string, unknown> | undefined>;
}

/** The card a phone holds for a serial (one card per enrollment, so the newest). */
export async function cardOf(page: Page, phoneId: string, serial: string) {
	const cards = (await page.evaluate(
		(s) =>
			(globalThis as unknown as Hooked).__sandbox.db
				.table('appTokens')
				.where('serial')
				.equals(s)
				.toArray(),
		serial
	)) as Record<string, unknown>[];
	return cards
		.filter((c) => c.phoneId === phoneId)
		.sort((a, b) => (b.enrolledAt as number) - (a.enrolledAt as number))[0];
}

export async function goHome(page: Page) {
	const home = phonePane(page).getByRole('button', { name: 'Home', exact: true });
	if (await home.isVisible()) await home.click();
}

/** Mail → the enrollment email → its self-enrollment link. */
export async function openEnrollmentLink(page: Page, live = true) {
	const phone = phonePane(page);
	await goHome(page);
	await phone.getByRole('button', { name: /^Mail/ }).click();
	await phone
		.getByRole('button', { name: /SafeNet MobilePASS\+ token enrollment/ })
		.first()
		.click();
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
	await openEnrollmentLink(page);
	await phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' }).click();
	await phone.getByRole('button', { name: answer, exact: true }).click();
	if (pin) {
		// The virtual server's PIN policy asks for one: Create a PIN.
		await phone.getByLabel('PIN', { exact: true }).fill(pin);
		await phone.getByLabel('Confirm PIN').fill(pin);
		await phone.getByRole('button', { name: 'Continue' }).click();
	}
	await expect(phone.getByRole('heading', { name: 'Activation Successful' })).toBeVisible();
}

/** The user, provisioned, enrolled with MobilePASS+, on the sign-in page of an application. */
export async function enrolledOnSignInPage(
	page: Page,
	appId: string,
	answer: 'Allow' | 'No Thanks'
) {
	await openSignInPage(page, appId);
	await provision(page, NEW_USER);
	await choosePhone(page, NEW_USER);
	await enrollPlus(page, answer);
}

/** An application's sign-in page, once the sandbox has started (the hook exists from then on). */
export async function openSignInPage(page: Page, appId: string) {
	await page.goto(`/apps/login?app=${appId}`);
	await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible({
		timeout: 15_000
	});
}
