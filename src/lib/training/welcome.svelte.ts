/**
 * The first-visit welcome: open once on a first visit, then only when asked for ("Getting
 * started"). Whether it was seen lives in localStorage, not in the world: resetting the world
 * or starting a scenario must not bring it back.
 */
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
 * A first visit shows the welcome with its first screen: fetched as the app starts, while the
 * database opens, not one round trip after the page is built (half a second on a slow phone
 * network, and the welcome is the largest thing that screen paints).
 */
export function prefetchWelcome(): void {
	if (!welcomeSeen()) import('./Welcome.svelte').catch(() => {});
}
