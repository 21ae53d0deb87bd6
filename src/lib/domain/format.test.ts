import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
	it('writes whole numbers as toLocaleString("en-US") does', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
				expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
			})
		);
		expect([0, 999, 1000, 20000, 1234567].map(formatCount)).toEqual([
			'0',
			'999',
			'1,000',
			'20,000',
			'1,234,567'
		]);
	});
});
