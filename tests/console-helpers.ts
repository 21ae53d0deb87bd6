import { expect, type Page } from '@playwright/test';

type Hook = {
	__sandbox: { db: { users: { get(id: string): Promise<Record<string, string> | undefined> } } };
};

/** A user as stored, read through the automation hook (only to know whom to look for). */
export async function userById(page: Page, id: string) {
	type Found = { userId: string; firstName: string; lastName: string } | null;
	let user: Found = null;
	// The world may still be loading (the hook can exist before its database): poll for the user.
	await expect
		.poll(async () => {
			user = await page.evaluate(async (id): Promise<Found> => {
				const hook = (window as never as Partial<Hook>).__sandbox;
				const u = await (hook?.db as Hook['__sandbox']['db'] | undefined)?.users.get(id);
				return u ? { userId: u.userId, firstName: u.firstName, lastName: u.lastName } : null;
			}, id);
			return user;
		})
		.not.toBeNull();
	return user as unknown as NonNullable<Found>;
}

/**
 * Follows a documented menu path, e.g. menuPath(page, 'Tokens', 'Tokens'): the first name is a
 * tab of the console's top row, the next ones entries (or sub-menus) of the row under it.
 */
export async function menuPath(page: Page, tab: string, ...entries: string[]) {
	await page
		.getByRole('navigation', { name: 'Console' })
		.getByRole('link', { name: tab, exact: true })
		.click();
	const row = page.getByRole('navigation', { name: `${tab} menu` });
	for (const [i, name] of entries.entries()) {
		if (i < entries.length - 1) await row.getByRole('button', { name, exact: true }).click();
		else await row.getByRole('link', { name, exact: true }).click();
	}
}

/** The Snapshot's token counts for the current virtual server. */
export async function snapshotCounts(page: Page) {
	await menuPath(page, 'Snapshot', 'Token States');
	const states = ['Inventory', 'Assigned', 'Active', 'Suspended', 'Locked', 'Lost/Faulty'];
	await expect(page.getByTestId('count-Inventory')).toHaveText(/^\d+$/);
	const out: Record<string, number> = {};
	for (const s of states) out[s] = Number(await page.getByTestId(`count-${s}`).textContent());
	return out;
}

/** Assignment: search a user, select them, open the Provision dialog. */
export async function openProvisionFor(page: Page, userId: string) {
	await menuPath(page, 'Assignment', 'Search User');
	await page.getByRole('searchbox', { name: 'Search users' }).fill(userId);
	await page.getByRole('checkbox', { name: `Select ${userId}`, exact: true }).check();
	await page.getByRole('button', { name: 'Provision…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Provision' });
	await expect(dialog).toBeVisible();
	return dialog;
}
