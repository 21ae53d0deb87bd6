/**
 * The built-in scenarios. Content loads on demand (each is its own chunk), so the first load of
 * the sandbox carries none of it; every scenario is validated when it loads.
 */
import type { Scenario } from './types';
import { assertValidScenario } from './validate';

export const SCENARIO_LOADERS: Record<string, () => Promise<{ default: Scenario }>> = {
	'migrate-one-user': () => import('./content/migrate-one-user'),
	'no-thanks-autosend': () => import('./content/no-thanks-autosend'),
	'migrate-group': () => import('./content/migrate-group'),
	'inventory-runs-out': () => import('./content/inventory-runs-out'),
	troubleshooting: () => import('./content/troubleshooting')
};

export const SCENARIO_IDS = Object.keys(SCENARIO_LOADERS);

export async function loadScenario(id: string): Promise<Scenario | undefined> {
	// Own keys only: `constructor` or `__proto__` is an unknown scenario, not Object's own.
	const load = Object.hasOwn(SCENARIO_LOADERS, id) ? SCENARIO_LOADERS[id] : undefined;
	if (!load) return undefined;
	const scenario = assertValidScenario((await load()).default);
	if (scenario.id !== id) throw new Error(`Scenario "${id}" declares the id "${scenario.id}".`);
	return scenario;
}

export function loadAllScenarios(): Promise<Scenario[]> {
	return Promise.all(SCENARIO_IDS.map(async (id) => (await loadScenario(id))!));
}
