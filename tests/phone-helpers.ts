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
	};
};

/** A user of Acme Corp without a token, whose phone has no MobilePASS app yet. */
export const NEW_USER = 'acme-u15';
/** The Samsung Galaxy S7 on Android 7.0, and the Windows 10 device, among the seeded phones. */
export const OLD_ANDROID_USER = 'acme-u7';

export const phonePane = (page: Page) => page.getByRole('complementary', { name: 'Virtual phone' });

/** Provision through the console's automation hook (the Provision UI is built elsewhere). */
export async function provision(page: Page, userId: string) {
	// The world is ready once the phone picker lists its users.
	await expect(
		phonePane(page)
			.getByRole('combobox', { name: 'Whose phone' })
			.locator(`option[value="${userId}"]`)
	).toBeAttached();
	const result = await page.evaluate((id) => {
		const w = globalThis as unknown as Hooked;
		return w.__commands.provisionCommand(w.__sandbox.db, 'acme', [id]);
	}, userId);
	expect(result.ok).toBe(true);
}

export async function choosePhone(page: Page, userId: string) {
	await phonePane(page).getByRole('combobox', { name: 'Whose phone' }).selectOption(userId);
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
export async function enrollPlus(page: Page, answer: 'Allow' | 'No Thanks') {
	const phone = phonePane(page);
	await installApp(page, 'MobilePASS+');
	await openEnrollmentLink(page);
	await phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' }).click();
	await phone.getByRole('button', { name: answer, exact: true }).click();
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
	await expect(page.getByRole('heading', { name: /^Sign in to / })).toBeVisible();
}
