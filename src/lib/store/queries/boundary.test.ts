import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The eslint rule that keeps the database inside src/lib/store/ (eslint.config.js). */
describe('the store boundary lint rule', () => {
	const eslint = new ESLint();
	const lint = async (path: string, code: string) =>
		(await eslint.lintText(code, { filePath: path }))[0].messages.map((m) => m.message);

	it('refuses the IndexedDB layer, the database module and table reads outside the store', async () => {
		const messages = await lint(
			'src/lib/console/bad.ts',
			[
				"import { liveQuery } from '$lib/store/idb/live-query';",
				"import { SandboxDB } from '$lib/store/db';",
				'export const read = (s: { db: SandboxDB }) => [liveQuery, s.db.users.toArray()];',
				''
			].join('\n')
		);
		// Each of the three lines is refused by the boundary rule (other rules may add more).
		expect(messages.filter((m) => /call a query/.test(m))).toHaveLength(3);
	});

	it('allows the database type, query calls, and anything inside the store', async () => {
		expect(
			await lint(
				'src/lib/console/good.ts',
				[
					"import type { SandboxDB } from '$lib/store/db';",
					"import { tokenDetails } from '$lib/store/queries/tokens';",
					"export const read = (db: SandboxDB) => tokenDetails(db, 'GAAA');",
					''
				].join('\n')
			)
		).toEqual([]);
		expect(
			await lint(
				'src/lib/store/queries/fine.ts',
				[
					"import type { SandboxDB } from '$lib/store/db';",
					'export const read = (s: { db: SandboxDB }) => s.db.users.toArray();',
					''
				].join('\n')
			)
		).toEqual([]);
	});
});
