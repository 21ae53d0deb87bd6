import { expect, type Page } from '@playwright/test';
import { row } from './hook';

/** A user as stored, read through the automation hook (only to know whom to look for). */
export async function userById(page: Page, id: string) {
	// The world may still be loading (the hook can exist before its database): poll for the user.
	await expect.poll(() => row(page, 'users', id).catch(() => undefined)).toBeDefined();
	const user = (await row(page, 'users', id))!;
	return { userId: user.userId, firstName: user.firstName, lastName: user.lastName };
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

/** The console's top row of tabs, in order. */
export const CONSOLE_TABS = [
	'Shortcuts',
	'Snapshot',
	'Assignment',
	'Tokens',
	'Reports',
	'Policy',
	'Sandbox'
];

/** The serial of the Token List's first row, as its link reads. */
export async function firstListedSerial(page: Page) {
	const link = page.getByRole('table', { name: 'Token List' }).getByRole('link').first();
	return (await link.textContent())!.trim();
}
