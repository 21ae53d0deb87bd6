import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../svelte.config.js';

/** The example page carries the sandbox's own policy (docs/embedding.md, Security). */
const html = readFileSync(new URL('../../../static/embed-example.html', import.meta.url), 'utf8');

function parsePolicy(policy: string): Record<string, string[]> {
	return Object.fromEntries(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name, sources])
	);
}

describe('embed-example.html', () => {
	const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]+)"/i.exec(html);
	const page = parsePolicy(meta?.[1] ?? '');
	const kit = config.kit!.csp!.directives as Record<string, string[]>;
	// Kit's hash sources belong to its own inline bootstrap and announcer: the page has neither.
	const quoted = (s: string) => (['self', 'none', 'unsafe-hashes'].includes(s) ? `'${s}'` : s);

	it('has a CSP meta tag', () => expect(meta).not.toBeNull());

	it("has every directive of the sandbox's pages, with the same sources", () => {
		for (const [name, sources] of Object.entries(kit)) {
			if (name === 'style-src-attr') continue; // only for Kit's announcer; the page has no style attribute
			expect(page[name], name).toEqual(sources.map(quoted));
		}
	});

	it('adds only frame-src, so that ?sandbox= may point at another origin', () => {
		const extra = Object.keys(page).filter((name) => !(name in kit));
		expect(extra).toEqual(['frame-src']);
		expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
		expect(html).not.toMatch(/\sstyle="/);
	});
});
