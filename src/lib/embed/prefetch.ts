import type { EmbedSettings } from './protocol';

/**
 * The scenario an embedded walkthrough opens, fetched as the app starts, while the database
 * opens, not one round trip after the embed's start page has run (about half a second on a slow
 * phone network). The rest of the walkthrough's code the /embed page's HTML names itself
 * ($lib/server/walkthrough-preloads.ts); only the app knows the scenario (a query parameter).
 * A fetch that fails here fails again, and is reported, where the scenario is opened.
 */
export function prefetchScenario(settings: EmbedSettings): void {
	const id = settings.scenario;
	if (id) import('$lib/scenarios/catalog').then((c) => c.loadScenario(id)).catch(() => {});
}
