/**
 * The first-visit welcome. Starts from @playwright/test's own fixtures: ./fixtures marks the
 * welcome as seen for every other test.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { waitForSandbox } from './hook';

test('the welcome shows once, is dismissed, and comes back from Getting started', async ({
	page
}) => {
	await page.goto('/');
	await waitForSandbox(page);
	const welcome = page.getByRole('dialog', { name: 'Welcome to the STA Token Sandbox' });
	await expect(welcome).toBeVisible();
	await expect(welcome).toContainText('console');
	await expect(welcome).toContainText("user's phone");
	// Keyboard: focus starts inside the dialog, on its first choice.
	await expect(welcome.getByRole('button', { name: 'Start the guided migration' })).toBeFocused();
	await expectNoAxeViolations(page);
	await page.keyboard.press('Tab');
	await expect(welcome.getByRole('button', { name: 'Explore freely' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(welcome).toBeHidden();

	await page.reload();
	await waitForSandbox(page);
	await expect(page.getByRole('navigation', { name: 'Console' })).toBeVisible();
	await expect(welcome).toHaveCount(0);

	await page.getByRole('button', { name: 'Getting started' }).click();
	await expect(welcome).toBeVisible();
	await welcome.getByRole('button', { name: 'Start the guided migration' }).click();
	await expect(welcome).toBeHidden();
	await expect(page.getByRole('region', { name: /Migrate one user/ })).toBeVisible();
});

test('an embed never shows the welcome', async ({ page }) => {
	await page.goto('/embed?scenario=migrate-one-user');
	await expect(page.getByRole('region', { name: /^Scenario/ })).toBeVisible({ timeout: 15_000 });
	await expect(page.getByRole('dialog', { name: /Welcome/ })).toHaveCount(0);
});
