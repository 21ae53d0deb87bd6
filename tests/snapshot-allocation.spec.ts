import { expect, openSandbox, test } from './fixtures';

type Hooked = {
	__sandbox: {
		db: {
			table(n: string): {
				where(i: string): {
					equals(v: string): { toArray(): Promise<{ serial: string; state: string }[]> };
				};
			};
		};
	};
	__commands: {
		operateTokenCommand(db: unknown, serial: string, action: string): Promise<{ ok: boolean }>;
	};
};

test('Snapshot allocation adds up once a token is Lost/Faulty, and says how', async ({ page }) => {
	await openSandbox(page);
	await expect(page.getByTestId('allocation-maximum')).toHaveText('50');
	const ok = await page.evaluate(async () => {
		const w = globalThis as unknown as Hooked;
		const tokens = await w.__sandbox.db.table('tokens').where('serverId').equals('acme').toArray();
		const active = tokens.find((t) => t.state === 'Active')!;
		return (
			await w.__commands.operateTokenCommand(w.__sandbox.db, active.serial, 'revokeLostFaulty')
		).ok;
	});
	expect(ok).toBe(true);
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
