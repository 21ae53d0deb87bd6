/**
 * The automation hook: `window.__sandbox` and `window.__commands`, for the benchmark and for
 * tests that need a world the UI builds slowly, e.g.
 * `window.__commands.provisionCommand(window.__sandbox.db, 'acme', [userId])`.
 * tests/hook.ts types its calls with `SandboxHook`, so the tests and the app cannot drift.
 */
import type { Sandbox } from './sandbox.svelte';
import type * as TokenCommands from './token-commands';
import type * as ProvisioningCommands from './provisioning-commands';
import type * as UserCommands from './user-commands';
import type * as ViewCommands from './view-commands';
import type * as PhoneCommands from './phone-commands';
import type * as PolicyCommands from './policy-commands';

type Modules = typeof TokenCommands &
	typeof ProvisioningCommands &
	typeof UserCommands &
	typeof ViewCommands &
	typeof PhoneCommands &
	typeof PolicyCommands;
type Fn = (...args: never[]) => unknown;

/** Every store command by name; each loads on first use, so each returns a promise. */
export type HookCommands = {
	[K in keyof Modules as Modules[K] extends Fn ? K : never]: Modules[K] extends (
		...args: infer A
	) => infer R
		? (...args: A) => Promise<Awaited<R>>
		: never;
};

/** What the page's global object carries once the root layout has run. */
export interface SandboxHook {
	__sandbox: Sandbox;
	__commands: HookCommands;
}

/**
 * Puts the hook on the global object. The store's commands (one module per subject)
 * load on first use, so the hook costs the first load nothing.
 */
export function installHook(sandbox: Sandbox) {
	type Command = (...args: unknown[]) => unknown;
	const commands = new Proxy(
		{},
		{
			get:
				(_, name: string) =>
				async (...args: unknown[]) => {
					const modules = (await Promise.all([
						import('./token-commands'),
						import('./provisioning-commands'),
						import('./user-commands'),
						import('./view-commands'),
						import('./phone-commands'),
						import('./policy-commands')
					])) as unknown as Record<string, Command>[];
					const command = modules.find((m) => name in m)?.[name];
					if (!command) throw new Error(`No command "${name}".`);
					return command(...args);
				}
		}
	) as HookCommands;
	const hook: SandboxHook = { __sandbox: sandbox, __commands: commands };
	Object.assign(globalThis, hook);
}
