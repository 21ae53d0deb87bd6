import { createContext } from 'svelte';
import type { InMessage } from './messages';
import type { EmbedSettings, ErrorCode, OutMessage, Theme } from './protocol';
import { SerialQueue } from './queue';

/** A message waiting to be handled: from the parent page (checked later) or from the bar. */
export type InboxItem =
	{ kind: 'remote'; origin: string; data: unknown } | { kind: 'local'; message: InMessage };

type EarlyInbox = { origin: string; data: unknown }[] & { closed?: boolean };

/** An embedded walkthrough's state: its settings, theme, and whether it is set up yet. */
export class EmbedState {
	readonly settings: EmbedSettings;
	theme = $state<Theme>('light');
	/** True once the scenario is loaded and at its starting step. */
	prepared = $state(false);
	/** Set while the embed itself fast-forwards, so that it does not report those steps. */
	busy = $state(false);
	/** What went wrong setting up (an unknown scenario): shown in the frame, sent to the host. */
	problem = $state<{ code: ErrorCode; message: string } | null>(null);
	/** Below the side-by-side width, which half of a `panel=both` embed shows. */
	view = $state<'console' | 'phone'>('console');
	/**
	 * Inbound messages, in arrival order. Listening starts here, as the app starts, so that
	 * messages a host sends at the iframe's `load` wait in line instead of being lost; the
	 * bridge starts handling them once it knows the allow-list and the walkthrough is set up.
	 */
	readonly inbox = new SerialQueue<InboxItem>();

	#outbox: OutMessage[] = [];
	#post: ((message: OutMessage) => void) | null = null;

	/** Sends to the host, or keeps the message until the bridge knows where it may send. */
	send(message: OutMessage): void {
		if (this.#post) this.#post(message);
		else this.#outbox.push(message);
	}

	/** The bridge, once the allow-list is read: sends what waited, then everything at once. */
	connect(post: (message: OutMessage) => void): void {
		this.#post = post;
		for (const message of this.#outbox.splice(0)) post(message);
	}

	constructor(settings: EmbedSettings) {
		this.settings = settings;
		const dark =
			typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
		this.theme = settings.theme ?? (dark ? 'dark' : 'light');
		if (typeof window !== 'undefined' && window.parent !== window) {
			// Take over what static/embed-inbox.js kept before the app started, then listen.
			const early = (window as { __staEmbedInbox?: EarlyInbox }).__staEmbedInbox;
			for (const item of early ?? []) this.inbox.push({ kind: 'remote', ...item });
			Object.assign(window, { __staEmbedInbox: Object.assign([], { closed: true }) });
			if (early) early.closed = true;
			window.addEventListener('message', (event) => {
				if (event.source !== window.parent) return;
				this.inbox.push({ kind: 'remote', origin: event.origin, data: event.data });
			});
		}
	}
}

export const [getEmbed, setEmbed] = createContext<EmbedState | null>();
