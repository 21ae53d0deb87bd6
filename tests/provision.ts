/**
 * Provisioning, the two ways tests do it. By UI (Assignment > Search User > Provision…), for the
 * flows that test provisioning itself; by the hook, for tests about what comes after it.
 */
import type { Page } from '@playwright/test';
import { menuPath } from './console-helpers';
import { expect } from './fixtures';
import { commandOk, inPage, waitForSandbox } from './hook';

/** Assignment: search each user in turn, select them, open the Provision dialog. */
export async function openProvisionFor(page: Page, ...userIds: string[]) {
	await menuPath(page, 'Assignment', 'Search User');
	await expect(page).toHaveURL(/\/assignment$/);
	for (const id of userIds) {
		await page.getByRole('searchbox', { name: 'Search users' }).fill(id);
		await page.getByRole('checkbox', { name: `Select ${id}`, exact: true }).check();
	}
	await expect(page.getByTestId('selected-count')).toHaveText(`${userIds.length} selected`);
	await page.getByRole('button', { name: 'Provision…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Provision' });
	await expect(dialog).toBeVisible();
	return dialog;
}

/** Through the UI: Assignment, select the users, Provision… and confirm. Returns the dialog. */
export async function provisionByUI(page: Page, userIds: string[]) {
	const dialog = await openProvisionFor(page, ...userIds);
	await dialog.getByRole('button', { name: 'Provision', exact: true }).click();
	return dialog;
}

/**
 * Through the automation hook, on Acme Corp unless told otherwise. `policy: 'MobilePASS+'` first
 * starts the migration as Software Token & Push OTP Settings do: iOS, Android and Windows 10 on
 * MobilePASS+, with push. Without it the seeded upgraded account stays (MobilePASS8, push off).
 */
export async function provisionByHook(
	page: Page,
	userIds: string | string[],
	{ serverId = 'acme', policy }: { serverId?: string; policy?: 'MobilePASS+' } = {}
) {
	await waitForSandbox(page);
	if (policy === 'MobilePASS+') await setPolicy(page, ['iOS', 'Android', 'Windows 10'], true);
	const ids = typeof userIds === 'string' ? [userIds] : userIds;
	return commandOk(page, 'provisionCommand', serverId, ids);
}

/** Software Token & Push OTP Settings for Acme Corp, through the hook: targets on MobilePASS+. */
export async function setPolicy(page: Page, targets: string[], push: boolean, allowed = true) {
	await waitForSandbox(page);
	for (const target of targets) {
		const result = await inPage(
			page,
			(h, [t, p, a]) =>
				h.commands.changeTargetSettingCommand(h.db, 'acme', t, {
					allowed: a,
					app: 'MobilePASS+',
					push: p
				}),
			[target, push, allowed] as [string, boolean, boolean]
		);
		// Refused only when the row already had these settings.
		expect(result.ok || /nothing to change/.test(String(result.reason))).toBe(true);
	}
}
