/**
 * The first-visit welcome: open once on a first visit, then only when asked for ("Getting
 * started"). Whether it was seen lives in localStorage, not in the world: resetting the world
 * or starting a scenario must not bring it back.
 */
import { isLmsVersion } from './lms/versions';

export const WELCOME_SEEN_KEY = 'sta-sandbox.welcome-seen';

export const welcome = $state({ open: false });

export function welcomeSeen(): boolean {
	try {
		return localStorage.getItem(WELCOME_SEEN_KEY) === '1';
	} catch {
		return true; // storage blocked: better never shown than shown at every page
	}
}

export function markWelcomeSeen() {
	try {
		localStorage.setItem(WELCOME_SEEN_KEY, '1');
	} catch {
		/* storage blocked: nothing to remember it in */
	}
}

/**
 * Whether a console page opens with the welcome: on a first visit, never in an embed, nor when a
 * learning platform launched a scenario (`?lms=…&scenario=…`).
 */
export function opensWithWelcome(url: URL, embedded: boolean): boolean {
	const launchedScenario =
		isLmsVersion(url.searchParams.get('lms')) && !!url.searchParams.get('scenario');
	return !embedded && !launchedScenario && !welcomeSeen();
}

/**
 * A console page that opens with the welcome fetches it as the app starts, while the database
 * opens, not one round trip after the page is built (half a second on a slow phone network, and
 * the welcome is the largest thing that screen paints).
 */
export function prefetchWelcome(url: URL): void {
	if (opensWithWelcome(url, false)) import('./Welcome.svelte').catch(() => {});
}
