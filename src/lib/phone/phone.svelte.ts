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
			/** Quick Setup > Activate Now: the camera, to scan a QR code on another screen. */
			scan?: boolean;
			tab?: 'tokens' | 'settings';
	  };

/** What the user's computer shows beside the console (Sandbox choice: "the other screen"). */
export type ComputerScreen = { kind: 'enrollment'; code: string } | { kind: 'third-party' };

/** What one phone pane is showing. Per window: two windows may look at different apps. */
export class PhoneView {
	screen = $state<PhoneScreen>({ name: 'home' });
	/** The computer screen beside the console, if the user opened something on it. */
	computer = $state<ComputerScreen | null>(null);
	/** The QR code the computer screen shows now: what the phone's camera can scan. */
	qrInView = $state<string | null>(null);
	/** Tokens whose PIN was entered in this window, until the app is left (per window, never stored). */
	unlocked = $state<string[]>([]);

	open(screen: PhoneScreen) {
		if (screen.name !== this.screen.name) this.unlocked = [];
		this.screen = screen;
	}

	home() {
		this.unlocked = [];
		this.screen = { name: 'home' };
	}

	unlock(appTokenId: string) {
		if (!this.unlocked.includes(appTokenId)) this.unlocked = [...this.unlocked, appTokenId];
	}
}

export const [getPhoneView, setPhoneView] = createContext<PhoneView>();
