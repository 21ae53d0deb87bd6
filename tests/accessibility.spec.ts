import { expectNoAxeViolations, openSandbox, test } from './fixtures';

const PAGES = [
	'/',
	'/tokens',
	'/assignment',
	'/provisioning',
	'/reports',
	'/audit',
	'/phone',
	'/scenarios',
	'/presenter/notes'
];

for (const path of PAGES) {
	test(`axe finds no violations on ${path}`, async ({ page }) => {
		await openSandbox(page, path);
		await page.waitForTimeout(300); // live queries settle
		await expectNoAxeViolations(page);
	});
}

test('axe finds no violations in the Reset world dialog and the mail app', async ({ page }) => {
	await openSandbox(page);
	await page.getByRole('button', { name: 'Mail' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Reset world' }).click();
	await expectNoAxeViolations(page);
});
