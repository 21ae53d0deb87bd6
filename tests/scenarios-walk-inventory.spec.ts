import { provisionByUI } from './provision';
import { expect, test } from './fixtures';
import { enrollByHook } from './phone-helpers';
import {
	expectCompleted,
	expectStepsDone,
	migrationCleanUp,
	startScenario
} from './scenario-walk-helpers';

const BATCH_1 = { 'acme-u1': 'dwang', 'acme-u4': 'udemir', 'acme-u10': 'qadams' };
const BATCH_2 = ['lsantos', 'gcohen', 'fwang'];

test('walkthrough: the inventory runs out, and the revoked tokens are reused', async ({ page }) => {
	test.slow();
	await startScenario(page, 'The inventory runs out: reuse MobilePASS 8 tokens', 5);

	// 1. The first batch takes the three tokens in inventory.
	await expect(await provisionByUI(page, Object.values(BATCH_1))).toBeHidden();
	await expectStepsDone(page, 1, 5);

	// 2. The three users enroll (through the hook: the other walkthroughs walk the phone's screens).
	for (const id of Object.keys(BATCH_1)) await enrollByHook(page, id);
	await expectStepsDone(page, 2, 5);

	// 3. The next batch: the dialog warns, and Provision anyway is refused with the reason.
	const dialog = await provisionByUI(page, BATCH_2);
	await expect(dialog.getByTestId('provision-refusal')).toContainText(
		'Not enough MobilePASS tokens in Inventory: 3 needed, 0 available, 3 missing'
	);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expectStepsDone(page, 3, 5);

	// 4. Return the first batch's MobilePASS 8 tokens.
	await migrationCleanUp(page, 3);
	await expectStepsDone(page, 4, 5);

	// 5. The second batch again: it gets the returned serials.
	await expect(await provisionByUI(page, BATCH_2)).toBeHidden();
	await expectStepsDone(page, 5, 5);
	await expectCompleted(page, 5);
});
