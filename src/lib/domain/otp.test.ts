import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { base32 } from './secret';
import { newSecret, otpauthUri, parseOtpauthUri, secondsLeft, totpCode, verifyTotp } from './otp';

// RFC 6238 appendix B, SHA-1, seed "12345678901234567890"
const rfcSecret = Secret.fromLatin1('12345678901234567890').base32;

describe('TOTP', () => {
	it.each([
		[59, '94287082'],
		[1111111109, '07081804'],
		[1111111111, '14050471'],
		[1234567890, '89005924'],
		[2000000000, '69279037'],
		[20000000000, '65353130']
	])('matches the RFC 6238 SHA-1 vector at T=%i', (t, code) => {
		expect(totpCode({ secret: rfcSecret, digits: 8, period: 30 }, t * 1000)).toBe(code);
	});

	it('gives 6-digit codes by default parameters and validates one step either side', () => {
		const p = { secret: newSecret(), digits: 6 as const, period: 30 };
		const at = 1_700_000_000_000;
		const code = totpCode(p, at);
		expect(code).toMatch(/^\d{6}$/);
		expect(verifyTotp(p, code, at)).toBe(true);
		expect(verifyTotp(p, code, at + 30_000)).toBe(true);
		expect(verifyTotp(p, code, at - 30_000)).toBe(true);
		expect(verifyTotp(p, code, at + 90_000)).toBe(false);
		expect(verifyTotp(p, ` ${code.slice(0, 3)} ${code.slice(3)} `, at)).toBe(true);
		expect(verifyTotp(p, '12345', at)).toBe(false);
		expect(verifyTotp(p, 'abcdef', at)).toBe(false);
	});

	it('writes secrets in the base32 that otpauth reads (RFC 4648 vectors too)', () => {
		expect(base32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
		expect(base32(new TextEncoder().encode('f'))).toBe('MY');
		const bytes = crypto.getRandomValues(new Uint8Array(20));
		expect(Array.from(Secret.fromBase32(base32(bytes)).bytes)).toEqual(Array.from(bytes));
	});

	it('makes secrets of 160 random bits, never twice the same', () => {
		const a = newSecret();
		expect(a).toMatch(/^[A-Z2-7]{32}$/);
		expect(newSecret()).not.toBe(a);
	});

	it('counts down to the next time step', () => {
		expect(secondsLeft(30, 0)).toBe(30);
		expect(secondsLeft(30, 29_000)).toBe(1);
		expect(secondsLeft(30, 30_500)).toBe(30);
	});

	it('round-trips a standard otpauth:// URI', () => {
		const p = { secret: newSecret(), digits: 6 as const, period: 30 };
		const uri = otpauthUri(p, 'Acme Corp', 'ang');
		expect(uri).toMatch(/^otpauth:\/\/totp\/Acme%20Corp:ang\?/);
		expect(uri).toContain(`secret=${p.secret}`);
		expect(parseOtpauthUri(uri)).toMatchObject({ ...p, issuer: 'Acme Corp', account: 'ang' });
	});
});
