import { createContext } from 'svelte';

/**
 * Whether the page is on screen: false while the root layout holds a first screen hidden until
 * its data has arrived (src/routes/+layout.svelte, which provides it). What is below the fold
 * can wait for it.
 */
export interface FirstScreen {
	readonly shown: boolean;
}

export const [getFirstScreen, setFirstScreen] = createContext<FirstScreen>();
