import { resetWorld } from './hook';
import { provisionByHook } from './provision';
import { menuPath } from './console-helpers';
import { expect, expectNoAxeViolations, openSandbox, test } from './fixtures';

const PAGES = [
	'/',
	'/tokens',
	'/tokens/cleanup',
	'/tokens/details?serial=none',
	'/assignment',
	'/assignment/users',
	'/assignment/tokens',
	'/assignment/user?id=acme-u1',
	'/provisioning',
	'/reports',
	'/audit',
	'/phone',
	'/apps/login?app=acme-app1',
	'/scenarios',
	'/presenter/notes'
];

// Five pages a test: one world seeded per five scans, not per scan (CI time), and a step each.
for (let i = 0; i < PAGES.length; i += 5) {
	const paths = PAGES.slice(i, i + 5);
	test(`axe finds no violations on ${paths.join(', ')}`, async ({ page }) => {
		test.setTimeout(90_000);
		for (const path of paths)
			await test.step(path, async () => {
				await openSandbox(page, path);
				await expectNoAxeViolations(page);
			});
	});
}

test('axe finds no violations in the Reset world dialog and the mail app', async ({ page }) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Mail' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Reset world' }).click();
	await expectNoAxeViolations(page);
});

test('axe finds no violations in the console with data: token details, dialogs, tasks', async ({
	page
}) => {
	// Five axe scans over four pages: about 40 s on two busy cores, more than the default 30 s.
	test.setTimeout(90_000);
	await openSandbox(page, '/assignment/user?id=acme-u1');
	await page
		.getByRole('link', { name: /^\d{10}$/ })
		.first()
		.click();
	await expect(page.getByTestId('token-state')).toHaveText('Active');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Revoke' }).click();
	await expectNoAxeViolations(page);
	await page.keyboard.press('Escape');
	await page.goto('/assignment');
	// The rows load after the header: selecting "every user on this page" before that selects none.
	await expect(page.getByRole('link', { name: 'dwang', exact: true })).toBeVisible();
	await page.getByRole('checkbox', { name: 'Select every user on this page' }).check();
	await page.getByRole('button', { name: 'Provision…' }).click();
	await expectNoAxeViolations(page);
	await page
		.getByRole('dialog', { name: 'Provision' })
		.getByRole('button', { name: 'Cancel' })
		.click();
	await page.getByRole('checkbox', { name: 'Select every user on this page' }).uncheck();
	await page.getByRole('searchbox', { name: 'Search users' }).fill('u');
	await page
		.getByRole('checkbox', { name: /^Select / })
		.nth(1)
		.check();
	await page.getByRole('button', { name: 'Provision…' }).click();
	await page
		.getByRole('dialog', { name: 'Provision' })
		.getByRole('button', { name: 'Provision', exact: true })
		.click();
	await menuPath(page, 'Shortcuts', 'Provisioning Tasks');
	await expect(page.getByRole('table', { name: 'Provisioning tasks' })).toBeVisible();
	await expectNoAxeViolations(page);
	await menuPath(page, 'Sandbox', 'Audit trail');
	await expect(page.getByRole('table', { name: 'Audit trail' }).getByRole('row')).not.toHaveCount(
		1
	);
	await expectNoAxeViolations(page);
});

const REPORT_PAGES = [
	'/reports/users-with-tokens',
	'/reports/deployment',
	'/reports/token-inventory',
	'/reports/provisioning-status',
	'/reports/authentication-activity'
];

test('axe finds no violations on the report pages mid-migration', async ({ page }) => {
	test.setTimeout(90_000);
	await openSandbox(page);
	await resetWorld(page, { seed: 'axe', users: 200 });
	await provisionByHook(page, 'acme-u150');
	for (const path of REPORT_PAGES)
		await test.step(path, async () => {
			await page.goto(path);
			await page.getByRole('heading', { level: 1 }).waitFor();
			await expectNoAxeViolations(page);
		});
});

test('axe finds no violations in the Reset world dialog with the Large demo chosen', async ({
	page
}) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Reset world' }).click();
	await page.getByRole('radio', { name: /Large demo/ }).check();
	await expectNoAxeViolations(page);
});
