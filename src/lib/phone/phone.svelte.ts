import { createContext } from 'svelte';

export type PhoneScreen =
	| { name: 'home' }
	| { name: 'mail'; mailId?: string }
	| { name: 'browser'; url?: string }
	| { name: 'store' }
	| { name: 'mobilepass8'; activate?: boolean }
	/** enrollCode: opened by the self-enrollment link; activation: "Use an activation string instead". */
	| {
			name: 'mobilepassplus';
			enrollCode?: string;
			activation?: boolean;
			tab?: 'tokens' | 'settings';
	  };

/** What one phone pane is showing. Per window: two windows may look at different apps. */
export class PhoneView {
	screen = $state<PhoneScreen>({ name: 'home' });

	open(screen: PhoneScreen) {
		this.screen = screen;
	}

	home() {
		this.screen = { name: 'home' };
	}
}

export const [getPhoneView, setPhoneView] = createContext<PhoneView>();
