import { provisionByUI } from './provision';
import { expect, test } from './fixtures';
import { phonePane } from './phone-helpers';
import {
	enrollOnPhone,
	expectCompleted,
	expectStepsDone,
	openEnrollmentMail,
	openTokenOf,
	revokeToInventory,
	showPhoneOf,
	signInWithPush,
	startScenario,
	switchMobilesToPlus
} from './scenario-walk-helpers';

test('walkthrough: migrate one user, every step done through the console and the phone', async ({
	page
}) => {
	test.slow();
	await startScenario(page, 'Migrate one user from MobilePASS 8 to MobilePASS+', 6);

	// 1. Policy > Token Policies > Software Token & Push OTP Settings: iOS and Android on MobilePASS+.
	await switchMobilesToPlus(page);
	await expectStepsDone(page, 1, 6);

	// 2. Assignment > search the user > Provision.
	const dialog = await provisionByUI(page, ['dwang']);
	await expect(dialog).toBeHidden();
	await expectStepsDone(page, 2, 6);

	// 3. The enrollment email, on the user's phone.
	await openEnrollmentMail(page, 'acme-u1');
	await expectStepsDone(page, 3, 6);

	// 4. App Store > MobilePASS+, then the link, Allow.
	await enrollOnPhone(page, 'acme-u1', 'Allow');
	await expectStepsDone(page, 4, 6);

	// 5. Token List > the MobilePASS 8 serial > Revoke > return to inventory.
	await openTokenOf(page, 'dwang', 'MobilePASS 8');
	await revokeToInventory(page);
	await expectStepsDone(page, 5, 6);

	// 6. Sign in to STA User Portal from the phone's Browser, with push.
	const phone = phonePane(page);
	await showPhoneOf(page, 'acme-u1');
	await phone.getByRole('button', { name: 'Browser', exact: true }).click();
	await phone.getByRole('button', { name: 'STA User Portal', exact: true }).click();
	await signInWithPush(page, phone, 'dwang', 'STA User Portal');
	await expectStepsDone(page, 6, 6);
	await expectCompleted(page, 6);
});
