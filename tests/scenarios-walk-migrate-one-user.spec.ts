import { expect, test } from './fixtures';
import { phonePane } from './phone-helpers';
import {
	enrollOnPhone,
	expectCompleted,
	expectStepsDone,
	openEnrollmentMail,
	openTokenOf,
	provisionFromAssignment,
	revokeToInventory,
	showPhoneOf,
	signInWithPush,
	startScenario
} from './scenario-walk-helpers';

test('walkthrough: migrate one user, every step done through the console and the phone', async ({
	page
}) => {
	test.slow();
	await startScenario(page, 'Migrate one user from MobilePASS 8 to MobilePASS+');
	await expectStepsDone(page, 0, 5);

	// 1. Assignment > search the user > Provision.
	const dialog = await provisionFromAssignment(page, ['dwang']);
	await expect(dialog).toBeHidden();
	await expectStepsDone(page, 1, 5);

	// 2. The enrollment email, on the user's phone.
	await openEnrollmentMail(page, 'acme-u1');
	await expectStepsDone(page, 2, 5);

	// 3. App Store > MobilePASS+, then the link, Allow.
	await enrollOnPhone(page, 'acme-u1', 'Allow');
	await expectStepsDone(page, 3, 5);

	// 4. Token List > the MobilePASS 8 serial > Revoke > return to inventory.
	await openTokenOf(page, 'dwang', 'MobilePASS 8');
	await revokeToInventory(page);
	await expectStepsDone(page, 4, 5);

	// 5. Sign in to STA User Portal from the phone's Browser, with push.
	const phone = phonePane(page);
	await showPhoneOf(page, 'acme-u1');
	await phone.getByRole('button', { name: 'Browser', exact: true }).click();
	await phone.getByRole('button', { name: 'STA User Portal', exact: true }).click();
	await signInWithPush(page, phone, 'dwang', 'STA User Portal');
	await expectStepsDone(page, 5, 5);
	await expectCompleted(page, 5);
});
