import { commandOk } from './hook';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { TOTP, URI } from 'otpauth';
import { expect, test } from './fixtures';
import { enterUserName, openEnrollmentLink, readyToEnroll } from './phone-helpers';

/**
 * The code for `secret` now on the real clock, computed outside the app as a real authenticator
 * would: `oathtool --totp -b <secret>`, else otpauth.
 */
function independentCode(secret: string): string {
	if (existsSync('/usr/bin/oathtool'))
		return execFileSync('oathtool', ['--totp', '-b', secret]).toString().trim();
	return new TOTP({ secret }).generate();
}

test('the QR on the self-enrollment page is a real otpauth URI whose codes sign in on the real clock', async ({
	page
}) => {
	test.slow(); // two QR readers, a screenshot and a real-time code
	const phone = await readyToEnroll(page, 'acme-app4');
	await openEnrollmentLink(page);
	await phone.getByRole('button', { name: 'Scan a QR code instead' }).click();
	const qr = phone.getByTestId('enrollment-qr');
	await expect(qr).toBeVisible();

	// Decode the pixels the page shows with jsqr.
	const pixels = await qr.evaluate((img: HTMLImageElement) => {
		const canvas = document.createElement('canvas');
		canvas.width = img.naturalWidth;
		canvas.height = img.naturalHeight;
		const ctx = canvas.getContext('2d')!;
		ctx.drawImage(img, 0, 0);
		const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
		return { width: data.width, height: data.height, data: Array.from(data.data) };
	});
	const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
	expect(decoded).not.toBeNull();
	const uri = decoded!.data;
	expect(uri).toMatch(/^otpauth:\/\/totp\/Acme%20Corp:.+\?.*secret=[A-Z2-7]+/);
	const otp = URI.parse(uri) as TOTP;
	expect([otp.issuer, otp.digits, otp.period, otp.algorithm]).toEqual(['Acme Corp', 6, 30, 'SHA1']);

	// A second reader, zbarimg, reads the same URI from a screenshot.
	if (existsSync('/usr/bin/zbarimg')) {
		const file = join(mkdtempSync(join(tmpdir(), 'qr-')), 'qr.png');
		await qr.screenshot({ path: file });
		const zbar = execFileSync('zbarimg', ['--raw', '-q', file], {
			stdio: ['ignore', 'pipe', 'ignore']
		})
			.toString()
			.trim();
		expect(zbar).toBe(uri);
	}

	// Enroll (the console's token must be Active), then sign in with the independently computed code.
	await phone.getByRole('button', { name: 'Enroll your SafeNet MobilePASS+ token' }).click();
	await phone.getByRole('button', { name: 'No Thanks' }).click();
	await expect(phone.getByRole('heading', { name: 'Activation Successful' })).toBeVisible();
	// The simulated clock runs, and is advanced by a day: codes still follow the real clock.
	await commandOk(page, 'moveClock', { kind: 'advance', ms: 86_400_000 });
	// The virtual MobilePASS+ and oathtool agree at the same moment (a step may tick between reads).
	await phone.getByRole('button', { name: 'Done' }).click();
	const shown = phone.getByTestId('passcode');
	await expect(async () => {
		const inApp = await shown.getAttribute('data-code');
		expect(inApp).toBe(independentCode(otp.secret.base32));
	}).toPass({ timeout: 10_000 });
	const code = independentCode(otp.secret.base32);
	const { signIn } = await enterUserName(page);
	await signIn.getByLabel('Passcode').fill(code);
	await signIn.getByRole('button', { name: 'Sign in' }).click();
	await expect(signIn.getByRole('status')).toContainText('Signed in to Legacy Timesheets');
});
