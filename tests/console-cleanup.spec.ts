import { resetWorld } from './hook';
import { expect, openSandbox, test } from './fixtures';
import { snapshotCounts, menuPath } from './console-helpers';

test('migration clean-up: preview, confirm, and the MobilePASS 8 tokens return to Inventory', async ({
	page
}) => {
	await openSandbox(page);
	// 200 users: 10% of them hold both a MobilePASS 8 and an Active MobilePASS+ token.
	await resetWorld(page, { seed: 'x', users: 200 });
	const before = await snapshotCounts(page);

	await menuPath(page, 'Sandbox', 'Migration clean-up');
	await expect(page.getByTestId('cleanup-count')).toHaveText('20 token(s) to revoke');
	const table = page.getByRole('table', { name: 'MobilePASS 8 tokens of migrated users' });
	await expect(table.getByRole('row')).toHaveCount(21);

	await page.getByRole('button', { name: 'Revoke and return to inventory…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Revoke 20 MobilePASS 8 token(s)?' });
	await dialog.getByRole('button', { name: 'Revoke 20 token(s)' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: '20 MobilePASS 8 token(s) revoked' })
	).toBeVisible();
	await expect(page.getByTestId('cleanup-count')).toHaveText('0 token(s) to revoke');

	const after = await snapshotCounts(page);
	expect(after.Inventory).toBe(before.Inventory + 20);
	expect(after.Active).toBe(before.Active - 20);

	await menuPath(page, 'Tokens', 'Tokens');
	await page.getByRole('combobox', { name: 'App' }).selectOption('MobilePASS 8');
	await expect(page.getByTestId('pager-status')).toHaveText(/of 80 tokens$/);
});
