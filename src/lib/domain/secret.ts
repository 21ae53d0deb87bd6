/**
 * Token secrets: 160 random bits from the platform's cryptographic RNG, in RFC 4648 base32 (the
 * form otpauth:// URIs carry). Kept apart from otp.ts so that building a world or provisioning
 * does not load the OTP library; otp.test.ts checks that the library reads these secrets back.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += ALPHABET[(buffer >>> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
	return out;
}

export function newSecret(): string {
	return base32(crypto.getRandomValues(new Uint8Array(20)));
}
