import { describe, expect, expectTypeOf, it } from 'vitest';
import {
	envelope,
	isAllowedOrigin,
	parseEmbedConfig,
	parseEmbedParams,
	PROTOCOL,
	short
} from './protocol';
import { parseInMessage, type InMessage } from './messages';

const msg = (m: object) => ({ protocol: PROTOCOL, version: 1, ...m });

describe('embed protocol', () => {
	it('accepts each documented incoming message', () => {
		expect(parseInMessage(msg({ type: 'reset' }))).toEqual({
			ok: true,
			message: { type: 'reset' }
		});
		expect(parseInMessage(msg({ type: 'goToStep', step: 2 }))).toMatchObject({
			ok: true,
			message: { step: 2 }
		});
		expect(parseInMessage(msg({ type: 'loadScenario', scenario: 'x', step: 1 }))).toMatchObject({
			ok: true
		});
		expect(parseInMessage(msg({ type: 'setTheme', theme: 'dark' }))).toMatchObject({ ok: true });
	});

	it.each([
		[null, 'not ours'],
		[{ type: 'reset' }, 'not ours'],
		[msg({ version: 2, type: 'reset' }), 'unsupported version 2'],
		[msg({ type: 'goToStep', step: 0 }), 'goToStep needs'],
		[msg({ type: 'goToStep', step: '2' }), 'goToStep needs'],
		[msg({ type: 'loadScenario' }), 'loadScenario needs'],
		[msg({ type: 'loadScenario', scenario: 'x', step: -1 }), 'loadScenario step'],
		[msg({ type: 'setTheme', theme: 'blue' }), 'setTheme needs'],
		[msg({ type: 'eval', code: 'alert(1)' }), 'unknown message type eval'],
		// strict: exactly the documented fields, no more
		[msg({ type: 'reset', step: 1 }), 'reset has no field step'],
		[msg({ type: 'goToStep', step: 2, scenario: 'x' }), 'goToStep has no field scenario'],
		[msg({ type: 'setTheme', theme: 'dark', extra: true }), 'setTheme has no field extra'],
		[msg({ type: 'goToStep' }), 'goToStep needs step'],
		[msg({ type: 'loadScenario', scenario: 'x', step: undefined }), 'loadScenario step'],
		[msg({ type: 'goToStep', step: 1.5 }), 'goToStep needs'],
		[msg({ type: 'goToStep', step: Number.MAX_VALUE }), 'goToStep needs'],
		// inherited names are not message types
		[msg({ type: 'constructor' }), 'unknown message type constructor'],
		[msg({ type: 'toString' }), 'unknown message type toString'],
		[msg({ type: '__proto__' }), 'unknown message type __proto__'],
		[msg({ type: 'hasOwnProperty' }), 'unknown message type hasOwnProperty'],
		[[PROTOCOL, 1, 'reset'], 'not ours']
	])('refuses %j', (data, reason) => {
		const parsed = parseInMessage(data);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.reason).toContain(reason);
	});

	it('reads only own properties: an inherited protocol or type does not count', () => {
		const inherited = Object.create({ protocol: PROTOCOL, version: 1, type: 'reset' });
		expect(parseInMessage(inherited)).toMatchObject({ ok: false, ours: false });
		class Fake {
			protocol = PROTOCOL;
			version = 1;
			type = 'reset';
		}
		expect(parseInMessage(new Fake())).toMatchObject({ ok: false });
		const bare = Object.assign(Object.create(null), msg({ type: 'reset' }));
		expect(parseInMessage(bare)).toEqual({ ok: true, message: { type: 'reset' } });
	});

	it('says whether a refused message claimed our protocol (then the host hears bad-message)', () => {
		expect(parseInMessage({ hello: 'world' })).toMatchObject({ ok: false, ours: false });
		expect(parseInMessage(msg({ type: 'reset', x: 1 }))).toMatchObject({ ok: false, ours: true });
	});

	it('keeps an optional step only when given', () => {
		expect(parseInMessage(msg({ type: 'loadScenario', scenario: 'x' }))).toEqual({
			ok: true,
			message: { type: 'loadScenario', scenario: 'x' }
		});
	});

	it('quotes a long value in a bounded way', () => {
		const id = 'x'.repeat(1_000_000);
		expect(short(id).length).toBeLessThan(80);
		expect(short(id)).toContain('1000000 characters');
		expect(short('migrate-one-user')).toBe('migrate-one-user');
	});

	it('refuses a version or type that is an object whose toString is not a function', () => {
		// Found by the fuzz test: structured clone keeps an own `toString: {}`, and String() throws.
		const data = { protocol: 'sta-token-sandbox', version: { toString: {} }, type: 'reset' };
		const parsed = parseInMessage(data);
		expect(parsed).toMatchObject({
			ok: false,
			ours: true,
			reason: 'unsupported version an object'
		});
		expect(parseInMessage({ ...data, version: 1, type: [{ toString: {} }] })).toMatchObject({
			ok: false,
			reason: 'unknown message type an array'
		});
	});

	it('stamps outgoing messages with protocol and version', () => {
		expect(envelope({ type: 'resize', height: 300 })).toEqual({
			protocol: PROTOCOL,
			version: 1,
			type: 'resize',
			height: 300
		});
	});

	it('allows only the own origin and configured ones', () => {
		const own = 'https://sandbox.example';
		expect(isAllowedOrigin(own, [], own)).toBe(true);
		expect(isAllowedOrigin('https://docs.example', ['https://docs.example'], own)).toBe(true);
		expect(isAllowedOrigin('https://evil.example', ['https://docs.example'], own)).toBe(false);
		expect(isAllowedOrigin('null', ['null'], own)).toBe(false);
		expect(isAllowedOrigin('https://docs.example.evil', ['https://docs.example'], own)).toBe(false);
	});

	it('reads embed parameters with safe defaults', () => {
		expect(
			parseEmbedParams(new URLSearchParams('scenario=migrate-one&panel=phone&step=3&theme=dark'))
		).toEqual({
			scenario: 'migrate-one',
			panel: 'phone',
			step: 3,
			theme: 'dark',
			world: 'migrate-one'
		});
		expect(parseEmbedParams(new URLSearchParams('panel=x&step=abc&theme=pink&id=<b>'))).toEqual({
			scenario: null,
			panel: 'both',
			step: null,
			theme: null,
			world: 'b'
		});
	});

	it('reads the allowed origins from the configuration file', () => {
		expect(
			parseEmbedConfig({ allowedOrigins: ['https://docs.example', 'javascript:alert(1)', 3, '*'] })
		).toEqual(['https://docs.example']);
		expect(parseEmbedConfig('nonsense')).toEqual([]);
	});

	it('derives the incoming message types from the schemas: exactly the documented API', () => {
		expectTypeOf<InMessage>().toEqualTypeOf<
			| { type: 'reset' }
			| { type: 'goToStep'; step: number }
			| { type: 'loadScenario'; scenario: string; step?: number }
			| { type: 'setTheme'; theme: 'light' | 'dark' }
		>();
	});

	it('names a missing field, and an extra one before a wrong value', () => {
		expect(parseInMessage(msg({ type: 'setTheme' }))).toMatchObject({
			reason: 'setTheme needs theme'
		});
		expect(parseInMessage(msg({ type: 'goToStep', step: 'x', y: 1 }))).toMatchObject({
			reason: 'goToStep has no field y'
		});
		expect(parseInMessage(msg({ type: 'loadScenario', scenario: '' }))).toMatchObject({
			reason: 'loadScenario needs a scenario id'
		});
	});
});
