/**
 * Whether the page is on screen: false while the root layout holds a first screen hidden until
 * its data has arrived (src/routes/+layout.svelte). What is below the fold can wait for it.
 */
export const firstScreen = $state({ shown: false });
