import { describe, expect, it } from 'vitest';
import {
	envelope,
	isAllowedOrigin,
	parseEmbedConfig,
	parseEmbedParams,
	parseInMessage,
	PROTOCOL
} from './protocol';

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
		[msg({ type: 'eval', code: 'alert(1)' }), 'unknown message type eval']
	])('refuses %j', (data, reason) => {
		const parsed = parseInMessage(data);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.reason).toContain(reason);
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
});
