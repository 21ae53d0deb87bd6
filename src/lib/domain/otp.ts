import { HOTP, Secret, TOTP, URI } from 'otpauth';

/** RFC 6238 parameters of a MobilePASS token in the sandbox. */
export interface OtpParams {
	secret: string;
	digits: 6 | 8;
	period: number;
}

export { newSecret } from './secret';

function totpFor(p: OtpParams, issuer = '', label = '') {
	return new TOTP({
		issuer,
		label,
		algorithm: 'SHA1',
		digits: p.digits,
		period: p.period,
		secret: Secret.fromBase32(p.secret)
	});
}

/**
 * The code a token shows at wall-clock time `at` (ms). Codes follow the real clock, never the
 * simulated calendar, so that a real authenticator app that scanned the same secret agrees;
 * the caller (store or UI) reads the wall clock and passes it in.
 */
export function totpCode(p: OtpParams, at: number): string {
	return totpFor(p).generate({ timestamp: at });
}

/** Seconds until the code shown at `at` changes. */
export function secondsLeft(period: number, at: number): number {
	return period - (Math.floor(at / 1000) % period);
}

/**
 * Whether `code` is valid at wall-clock time `at` (ms), accepting one time-step either side for
 * clock drift.
 */
export function verifyTotp(p: OtpParams, code: string, at: number): boolean {
	const clean = code.replace(/\s+/g, '');
	if (!new RegExp(`^\\d{${p.digits}}$`).test(clean)) return false;
	return totpFor(p).validate({ token: clean, timestamp: at, window: 1 }) !== null;
}

/** The standard otpauth:// URI that any authenticator app can scan. */
export function otpauthUri(p: OtpParams, issuer: string, account: string): string {
	return totpFor(p, issuer, account).toString();
}

/** Parses an otpauth:// URI back into parameters (used to check our own QR codes). */
export function parseOtpauthUri(uri: string): OtpParams & { issuer: string; account: string } {
	const otp = URI.parse(uri);
	if (otp instanceof HOTP) throw new Error('Expected a TOTP URI.');
	return {
		secret: otp.secret.base32,
		digits: otp.digits as 6 | 8,
		period: otp.period,
		issuer: otp.issuer,
		account: otp.label
	};
}
