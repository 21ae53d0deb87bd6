import { menuPath } from './console-helpers';
import { expect, test } from './fixtures';
import { phonePane } from './phone-helpers';
import {
	enrollOnPhone,
	expectCompleted,
	expectStepsDone,
	migrationCleanUp,
	showPhoneOf,
	signInWithPush,
	startScenario
} from './scenario-walk-helpers';

test('walkthrough: No Thanks, then Autosend Passcode, and push works although Disabled', async ({
	page
}) => {
	test.slow();
	await startScenario(page, 'No Thanks at enrollment, Autosend Passcode later', 5);

	// 1. Another path than Assignment's search: the user's own page, Provision….
	await menuPath(page, 'Assignment', 'Search User');
	await page.getByRole('searchbox', { name: 'Search users' }).fill('udemir');
	await page.getByRole('link', { name: 'udemir', exact: true }).click();
	await page.getByRole('button', { name: 'Provision…' }).click();
	await page
		.getByRole('dialog', { name: 'Provision' })
		.getByRole('button', { name: 'Provision', exact: true })
		.click();
	await expectStepsDone(page, 1, 5);

	// 2. Another path than the link: the activation string, typed into MobilePASS+; No Thanks.
	await enrollOnPhone(page, 'acme-u4', 'No Thanks', 'activation string');
	await expectStepsDone(page, 2, 5);

	// 3. MobilePASS+ > Settings > Autosend Passcode.
	const phone = phonePane(page);
	await phone.getByRole('button', { name: 'Settings' }).click();
	const slider = phone.getByRole('switch', { name: 'Autosend Passcode' });
	await expect(slider).toHaveAttribute('aria-checked', 'false');
	await slider.click();
	await expect(slider).toHaveAttribute('aria-checked', 'true');
	await expectStepsDone(page, 3, 5);

	// 4. Remote Access VPN's sign-in page, push Approve on the phone beside it.
	await page.goto('/apps/login?app=acme-app2');
	await showPhoneOf(page, 'acme-u4');
	await signInWithPush(page, page.getByRole('main'), 'udemir', 'Remote Access VPN');
	await page.getByRole('link', { name: '‹ Token Management console' }).click();
	await expectStepsDone(page, 4, 5);

	// 5. The old token, through Migration clean-up rather than the Token List.
	await migrationCleanUp(page, 1);
	await expectStepsDone(page, 5, 5);
	await expectCompleted(page, 5);
});
