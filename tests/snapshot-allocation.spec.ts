import { commandOk, rowsWhere } from './hook';
import { expect, openSandbox, test } from './fixtures';

test('Snapshot allocation adds up once a token is Lost/Faulty, and says how', async ({ page }) => {
	await openSandbox(page);
	await expect(page.getByTestId('allocation-maximum')).toHaveText('50');
	const tokens = await rowsWhere(page, 'tokens', 'serverId', 'acme');
	const active = tokens.find((t) => t.state === 'Active')!;
	await commandOk(page, 'operateTokenCommand', active.serial, 'revokeLostFaulty');
	await expect(page.getByTestId('count-Lost/Faulty')).toHaveText('1');
	await expect(page.getByTestId('allocation-maximum')).toHaveText('50');
	await expect(page.getByTestId('allocation-in-use')).toHaveText('10');
	await expect(page.getByTestId('allocation-available')).toHaveText('40');
	await expect(page.getByTestId('allocation-explained')).toContainText(
		'Maximum = In Use + Available: 50 = 10 + 40'
	);
	await expect(page.getByTestId('allocation-explained')).toContainText(
		'the 1 Lost/Faulty token(s)'
	);
});
