import { preloadCode } from '$app/navigation';
import { resolve } from '$app/paths';
import type { EmbedSettings } from './protocol';

/**
 * An embedded walkthrough's code, fetched side by side as the app starts: the bridge, the bar,
 * the checklist, the scenario's content and the sandbox's first page. Otherwise each is fetched
 * only once the one before it has run, one round trip after another: on a slow phone network,
 * about half a second each before the reader sees the first step (Lighthouse's LCP).
 * A fetch that fails here fails again, and is reported, where the module is used.
 */
export function prefetchWalkthrough(settings: EmbedSettings): void {
	const fetches: Promise<unknown>[] = [
		import('./EmbedBridge.svelte'),
		import('./EmbedBar.svelte'),
		preloadCode(resolve('/'))
	];
	if (settings.scenario)
		fetches.push(
			import('$lib/training/ChecklistPanel.svelte'),
			import('$lib/scenarios/catalog').then((c) => c.loadScenario(settings.scenario!))
		);
	for (const f of fetches) f.catch(() => {});
}
