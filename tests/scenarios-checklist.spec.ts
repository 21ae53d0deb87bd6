import { commandOk, rows } from './hook';
import { provisionByHook } from './provision';
import { menuPath } from './console-helpers';
import { expect, openSandbox, test } from './fixtures';
import { checklist, doItForMe, startScenario } from './scenario-walk-helpers';

test('a step completes when a store command reaches its state, and it is announced', async ({
	page
}) => {
	await startScenario(page, 'Migrate one user from MobilePASS 8 to MobilePASS+');
	await expect(page.getByTestId('checklist-count')).toHaveText('0 of 6 steps');
	await expect(page.getByTestId('step-instruction')).toContainText(
		'Software Token & Push OTP Settings'
	);
	const mpp = { allowed: true, app: 'MobilePASS+', push: true } as const;
	await commandOk(page, 'changeTargetSettingCommand', 'acme', 'iOS', mpp);
	await commandOk(page, 'changeTargetSettingCommand', 'acme', 'Android', mpp);
	await expect(page.getByTestId('checklist-count')).toHaveText('1 of 6 steps');
	await expect(page.getByTestId('step-instruction')).toContainText('Dmitri Wang (dwang)');
	await provisionByHook(page, 'acme-u1');
	await expect(page.getByTestId('checklist-count')).toHaveText('2 of 6 steps');
	await expect(page.getByTestId('checklist-announcer')).toHaveText('Step 2 done.');
	await expect(checklist(page).getByRole('listitem').nth(1)).toContainText('Done:');
});

test('a step completes by another path than the instruction: the phone opens the mail', async ({
	page
}) => {
	await startScenario(page, 'Migrate one user from MobilePASS 8 to MobilePASS+');
	await doItForMe(page, 1, 6);
	await doItForMe(page, 2, 6);
	// Step 3 says "open the email in Mail": here it is opened from the phone's home screen.
	const phone = page.getByRole('complementary', { name: 'Virtual phone' });
	await phone.getByRole('button', { name: 'Mail' }).click();
	await phone.getByRole('button', { name: /SafeNet MobilePASS\+ token enrollment/ }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('3 of 6 steps');
});

test('Skip, Restart and Hints', async ({ page }) => {
	await startScenario(page, 'Troubleshooting: four help-desk calls');
	const list = checklist(page);
	await list.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('1 of 5 steps');
	await expect(list.getByRole('listitem').first()).toContainText('Skipped:');
	await expect(page.getByText('Hint:')).toHaveCount(0);
	await list.getByRole('button', { name: 'Hints' }).click();
	await expect(list.getByText('Hint:')).toBeVisible();
	// Do it for me on the locked token unlocks it.
	await list.getByRole('button', { name: 'Do it for me' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('2 of 5 steps');
	await list.getByRole('button', { name: 'Restart' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Restart' }).click();
	await expect(page.getByTestId('checklist-count')).toHaveText('0 of 5 steps');
	// The restart rebuilt the starting world: the token is Locked again.
	const locked = (await rows(page, 'tokens')).filter((t) => t.state === 'Locked').length;
	expect(locked).toBe(1);
});

test('progress is kept across reloads and shown in the library, with the time taken', async ({
	page
}) => {
	await startScenario(page, 'The inventory runs out: reuse MobilePASS 8 tokens');
	await doItForMe(page, 1, 5);
	await page.reload();
	await expect(page.getByTestId('checklist-count')).toHaveText('1 of 5 steps');
	// Finish by skipping the rest: the library shows the summary.
	for (let i = 0; i < 4; i++) await checklist(page).getByRole('button', { name: 'Skip' }).click();
	await expect(checklist(page).getByRole('status')).toContainText('Scenario complete');
	await menuPath(page, 'Sandbox', 'Scenarios');
	await expect(page.getByTestId('progress-inventory-runs-out')).toContainText(
		/Completed: 1 of 5 steps done, 4 skipped in \d+ s/
	);
});

test('a shared link asks to start its scenario', async ({ page }) => {
	await openSandbox(page, '/scenarios?start=migrate-group');
	await expect(page.getByRole('dialog', { name: 'Start “Migrate a whole group”?' })).toBeVisible();
	await page.getByRole('button', { name: 'Reset world and start' }).click();
	await expect(page.getByRole('heading', { name: /Migrate a whole group/ })).toBeVisible();
});

test('the checklist does not break the layout at 1440 px and stacks under 960 px', async ({
	page
}) => {
	await startScenario(page, 'Migrate a whole group');
	const phone = page.getByRole('complementary', { name: 'Virtual phone' });
	const wide = await phone.boundingBox();
	const list = await checklist(page).boundingBox();
	expect(wide!.x).toBeGreaterThanOrEqual(list!.x + list!.width - 1);
	await page.setViewportSize({ width: 900, height: 900 });
	const narrowList = await checklist(page).boundingBox();
	const narrowPhone = await phone.boundingBox();
	expect(narrowPhone!.y).toBeGreaterThan(narrowList!.y);
	expect(narrowList!.width).toBeLessThanOrEqual(900);
	const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(scrollWidth).toBeLessThanOrEqual(900);
});
