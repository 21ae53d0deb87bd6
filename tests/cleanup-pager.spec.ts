import { resetWorld } from './hook';
import { expect, openSandbox, test } from './fixtures';
import { menuPath } from './console-helpers';

test('migration clean-up pages through more migrated users than fit on a page', async ({
	page
}) => {
	await openSandbox(page);
	// 1,200 users: 10% of them hold both a MobilePASS 8 and an Active MobilePASS+ token, so 120
	// tokens to revoke, 50 a page.
	await resetWorld(page, { seed: 'x', users: 1200 });
	await menuPath(page, 'Sandbox', 'Migration clean-up');
	await expect(page.getByTestId('cleanup-count')).toHaveText('120 token(s) to revoke');

	const pager = page.getByRole('navigation', { name: 'Pages of tokens' });
	const status = pager.getByTestId('pager-status');
	const where = pager.getByTestId('pager-page');
	const table = page.getByRole('table', { name: 'MobilePASS 8 tokens of migrated users' });
	const rows = table.locator('tbody tr');
	const firstSerial = () => rows.first().locator('td').first().innerText();

	await expect(status).toHaveText('1–50 of 120 tokens');
	await expect(where).toHaveText('Page 1 of 3');
	await expect(rows).toHaveCount(50);
	await expect(pager.getByRole('button', { name: 'First page' })).toBeDisabled();
	await expect(pager.getByRole('button', { name: 'Previous page' })).toBeDisabled();
	const onFirst = await firstSerial();

	await pager.getByRole('button', { name: 'Next page' }).click();
	await expect(status).toHaveText('51–100 of 120 tokens');
	await expect(where).toHaveText('Page 2 of 3');
	await expect(rows).toHaveCount(50);
	const onSecond = await firstSerial();
	// Serial order goes on across pages.
	expect(onSecond > onFirst).toBe(true);

	await pager.getByRole('button', { name: 'Last page' }).click();
	await expect(status).toHaveText('101–120 of 120 tokens');
	await expect(where).toHaveText('Page 3 of 3');
	await expect(rows).toHaveCount(20);
	await expect(pager.getByRole('button', { name: 'Next page' })).toBeDisabled();
	await expect(pager.getByRole('button', { name: 'Last page' })).toBeDisabled();
	expect((await firstSerial()) > onSecond).toBe(true);

	await pager.getByRole('button', { name: 'First page' }).click();
	await expect(status).toHaveText('1–50 of 120 tokens');
	await expect(where).toHaveText('Page 1 of 3');
	await expect(rows.first().locator('td').first()).toHaveText(onFirst);
});
