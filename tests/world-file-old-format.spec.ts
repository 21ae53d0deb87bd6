import { readFileSync } from 'node:fs';
import { menuPath } from './console-helpers';
import { expect, openSandbox, test } from './fixtures';

/**
 * A world file written before Target and Device Type used STA's words (format 1: Target
 * "iOS 17.5", Device Type "iPhone 15", phones without a form factor) still opens.
 */
test('a format 1 world file opens, its devices in STA words', async ({ page }) => {
	const text = readFileSync(new URL('./fixtures/world-file-format-1.json', import.meta.url));
	const old = JSON.parse(text.toString());
	expect(old.format).toBe(1);
	const windows = old.world.tokens.find(
		(t: { target: string | null; serverId: string }) =>
			t.target === 'Windows 10' && t.serverId === 'acme'
	);
	const owner = old.world.users.find((u: { id: string }) => u.id === windows.userId);

	await openSandbox(page, '/scenarios');
	await page.getByLabel(/Import world file/).setInputFiles({
		name: 'old.json',
		mimeType: 'application/json',
		buffer: text
	});
	await page.getByRole('button', { name: 'Replace world' }).click();
	await expect(
		page.getByText(/World file imported: 2 virtual server\(s\), 33 users/)
	).toBeVisible();

	await menuPath(page, 'Tokens', 'Tokens');
	await page.getByRole('searchbox', { name: 'Search', exact: true }).fill(windows.serial);
	await page.getByRole('link', { name: windows.serial }).click();
	await expect(page.getByTestId('target')).toHaveText('Windows 10');
	await expect(page.getByTestId('device-type')).toHaveText('Desktop');

	await menuPath(page, 'Reports', 'Available Reports');
	await page.getByRole('link', { name: 'Users – With Tokens' }).click();
	const row = page.getByRole('row').filter({ hasText: windows.serial });
	await expect(row).toContainText(owner.userId);
	await expect(row).toContainText('Windows 10');
	await expect(row).toContainText('Desktop');
	await expect(page.getByRole('main')).not.toContainText('iPhone');
});
