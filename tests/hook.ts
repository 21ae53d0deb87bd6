/**
 * The tests' one way into the app's automation hook (window.__sandbox, window.__commands), typed
 * from the app's own `SandboxHook` (src/lib/store/test-hook.ts) so that the two cannot drift.
 * Use it to build a state the UI builds slowly, or to read what the database holds; every
 * user-visible flow is also covered end to end by the UI.
 */
import { expect, type Page } from '@playwright/test';
import type { HookCommands, SandboxHook } from '../src/lib/store/test-hook';
import type { Table } from '../src/lib/store/idb/table';
import type { SandboxDB } from '../src/lib/store/db';
import type { WorldSpec } from '../src/lib/domain/world-spec';

/** Waits until the sandbox has opened and seeded its world (the hook exists before that). */
export async function waitForSandbox(page: Page) {
	await page.waitForFunction(() => (globalThis as Partial<SandboxHook>).__sandbox?.ready === true);
}

/** What `inPage` hands its function: the page's sandbox, its database and its commands. */
export interface InPage {
	sandbox: SandboxHook['__sandbox'];
	db: SandboxDB;
	commands: HookCommands;
}

/**
 * Runs `fn` in the page with the hook as its first argument. Like page.evaluate, `fn` travels
 * as source: it may use its arguments only, never the test's variables.
 */
export async function inPage<R, A>(
	page: Page,
	fn: (hook: InPage, arg: A) => R | Promise<R>,
	arg: A
): Promise<R>;
export async function inPage<R>(page: Page, fn: (hook: InPage) => R | Promise<R>): Promise<R>;
export async function inPage<R, A>(
	page: Page,
	fn: (hook: InPage, arg: A) => R | Promise<R>,
	arg?: A
): Promise<R> {
	const handle = await page.evaluateHandle((): InPage => {
		const { __sandbox, __commands } = globalThis as unknown as SandboxHook;
		return { sandbox: __sandbox, db: __sandbox.db, commands: __commands };
	});
	try {
		return (await handle.evaluate(fn as never, arg)) as R;
	} finally {
		await handle.dispose();
	}
}

type DbCommand = {
	[K in keyof HookCommands]: Parameters<HookCommands[K]> extends [SandboxDB, ...unknown[]]
		? K
		: never;
}[keyof HookCommands];
type Rest<K extends DbCommand> =
	Parameters<HookCommands[K]> extends [SandboxDB, ...infer A] ? A : never;

/** A store command on the page's database, e.g. command(page, 'provisionCommand', 'acme', ids). */
export function command<K extends DbCommand>(
	page: Page,
	name: K,
	...args: Rest<K>
): Promise<Awaited<ReturnType<HookCommands[K]>>> {
	return inPage(
		page,
		(h, [n, a]) => (h.commands[n] as unknown as (...x: unknown[]) => unknown)(h.db, ...a),
		[name, args] as [K, unknown[]]
	) as never;
}

/** The same, and the test fails with the command's reason when it is refused. */
export async function commandOk<K extends DbCommand>(page: Page, name: K, ...args: Rest<K>) {
	const result = (await command(page, name, ...args)) as { ok: boolean; reason?: string };
	expect(result.ok ? 'ok' : `${name} refused: ${result.reason}`).toBe('ok');
	return result;
}

/** Reset world with a seeded world of the given size (what the Reset world dialog builds). */
export async function resetWorld(page: Page, spec: WorldSpec) {
	await waitForSandbox(page);
	const result = await inPage(page, (h, s) => h.sandbox.reset(s), spec);
	expect(result.ok ? 'ok' : `reset refused: ${result.reason}`).toBe('ok');
}

type Tables = {
	[K in keyof SandboxDB as SandboxDB[K] extends { toArray(): unknown } ? K : never]: SandboxDB[K];
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any key type, any insert type
type RowOf<T extends keyof Tables> = Tables[T] extends Table<infer R, any, any> ? R : never;

/** Every row of a table, as the database holds it (to check the UI against, never to drive it). */
export function rows<T extends keyof Tables & string>(page: Page, table: T): Promise<RowOf<T>[]> {
	return inPage(page, (h, t) => h.db.table(t).toArray(), table) as Promise<RowOf<T>[]>;
}

/** The rows of a table whose index equals a value. */
export function rowsWhere<T extends keyof Tables & string>(
	page: Page,
	table: T,
	index: string,
	value: unknown
): Promise<RowOf<T>[]> {
	return inPage(
		page,
		(h, [t, i, v]) =>
			h.db
				.table(t)
				.where(i)
				.equals(v as never)
				.toArray(),
		[table, index, value] as [string, string, unknown]
	) as Promise<RowOf<T>[]>;
}

/** One row by its key. */
export function row<T extends keyof Tables & string>(
	page: Page,
	table: T,
	key: string | number
): Promise<RowOf<T> | undefined> {
	return inPage(page, (h, [t, k]) => h.db.table(t).get(k), [table, key] as [
		string,
		string | number
	]) as Promise<RowOf<T> | undefined>;
}

/** Changes a stored row directly, for a state no command makes (a renamed user, a policy). */
export function updateRow<T extends keyof Tables & string>(
	page: Page,
	table: T,
	key: string | number,
	changes: Partial<RowOf<T>>
) {
	return inPage(page, (h, [t, k, c]) => h.db.table(t).update(k, c), [table, key, changes] as [
		string,
		string | number,
		Record<string, unknown>
	]);
}
