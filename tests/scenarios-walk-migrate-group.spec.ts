import { menuPath } from './console-helpers';
import { expect, test } from './fixtures';
import { enrollByHook } from './phone-helpers';
import {
	checklist,
	enrollOnPhone,
	expectCompleted,
	expectStepsDone,
	migrationCleanUp,
	startScenario
} from './scenario-walk-helpers';

/** The Engineering group of the seeded Acme Corp: three on MobilePASS 8, five without a token. */
const ENGINEERING = [
	'acme-u2',
	'acme-u5',
	'acme-u8',
	'acme-u11',
	'acme-u14',
	'acme-u17',
	'acme-u20',
	'acme-u23'
];

test('walkthrough: migrate a whole group, with progress per user', async ({ page }) => {
	test.setTimeout(180_000);
	await startScenario(page, 'Migrate a whole group', 3);

	// 1. Assignment: filter by group, select all, Provision.
	await menuPath(page, 'Assignment', 'Search User');
	await page.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Engineering' });
	await page.getByRole('button', { name: 'Select all 8 matching' }).click();
	await page.getByRole('button', { name: 'Provision…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Provision' });
	await dialog.getByRole('button', { name: 'Provision', exact: true }).click();
	await expect(dialog).toBeHidden();
	await expectStepsDone(page, 1, 3);

	// 2. Each user enrolls on their own phone; the checklist counts them. Two enroll through the
	// phone's screens (one answers No Thanks); the others through the hook, as the same
	// enrollment is walked in full by the other walkthroughs.
	for (const [i, userId] of ENGINEERING.entries()) {
		if (i === 0 || i === 3) await enrollOnPhone(page, userId, i === 3 ? 'No Thanks' : 'Allow');
		else await enrollByHook(page, userId);
		if (i < ENGINEERING.length - 1)
			await expect(checklist(page).getByText(`${i + 1} of 8 done`)).toBeVisible();
	}
	await expectStepsDone(page, 2, 3);

	// 3. The three MobilePASS 8 tokens, returned through Migration clean-up.
	await migrationCleanUp(page, 3);
	await expectStepsDone(page, 3, 3);
	await expectCompleted(page, 3);
});
