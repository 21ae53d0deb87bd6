import { commandOk, rows } from './hook';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { phonePane, signingInWithPush } from './phone-helpers';

test('push requests as MobilePASS+ shows them: application, token name, time elapsed, location; several stepped through', async ({
	page
}) => {
	test.slow();
	// Two sign-in attempts waiting at once: the hook sends the second from another application.
	const { user, signIn } = await signingInWithPush(page, 'acme-app1');
	await signIn.getByRole('button', { name: 'Use my mobile to autosend a password' }).click();
	await commandOk(page, 'requestPushCommand', 'acme-app2', user.userId, 'Lyon, France');

	const phone = phonePane(page);
	const card = phone.getByRole('alertdialog', { name: 'Authentication request' });
	await expect(card.getByTestId('push-count')).toHaveText('Request 1 of 2');
	await expect(card).toContainText('Lyon, France'); // newest first
	await expect(card).toContainText(`(${user.userId})`); // the token's name in the app
	await expect(card.getByTestId('push-elapsed')).toHaveText(/\d+ seconds? ago/);
	await expectNoAxeViolations(page);
	await card.getByRole('button', { name: 'Next request' }).click();
	await expect(card.getByTestId('push-count')).toHaveText('Request 2 of 2');
	await expect(card).toContainText('STA User Portal');
	await card.getByRole('button', { name: 'Approve' }).click();
	await expect(signIn.getByRole('status')).toContainText('Signed in to STA User Portal');

	// The one left: Deny leads to Report.
	await expect(card.getByTestId('push-count')).toHaveCount(0);
	await card.getByRole('button', { name: 'Deny' }).click();
	const report = phone.getByRole('alertdialog', { name: 'Report this request?' });
	await expect(report).toBeVisible();
	await report.getByRole('button', { name: 'Yes, Report' }).click();
	await expect(phone.getByRole('alertdialog')).toHaveCount(0);
	const requests = await rows(page, 'pushRequests');
	expect(requests.map((r) => [r.applicationId, r.status]).sort()).toEqual([
		['acme-app1', 'Approved'],
		['acme-app2', 'Reported']
	]);
});
