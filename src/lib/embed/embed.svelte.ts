import { createContext } from 'svelte';
import type { EmbedSettings, Theme } from './protocol';

/** An embedded walkthrough's state: its settings, theme, and whether it is set up yet. */
export class EmbedState {
	readonly settings: EmbedSettings;
	theme = $state<Theme>('light');
	/** True once the scenario is loaded and at its starting step. */
	prepared = $state(false);
	/** Set while the embed itself fast-forwards, so that it does not report those steps. */
	busy = $state(false);

	constructor(settings: EmbedSettings) {
		this.settings = settings;
		const dark =
			typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
		this.theme = settings.theme ?? (dark ? 'dark' : 'light');
	}
}

export const [getEmbed, setEmbed] = createContext<EmbedState | null>();
