import { createContext } from 'svelte';
import type { VirtualServer } from '$lib/domain/types';
import type { Preferences, SandboxDB } from './db';
import { openDatabase, type StorageMode } from './open';
import { SimClock } from './clock.svelte';
import { Live } from './live.svelte';
import { readPreferences, readWorldInfo } from './meta';
import { ensureWorld, resetWorld, type OnWorldProgress } from './world';
import type { WorldSpec } from '$lib/domain/world-spec';
import type { CommandResult } from './execute';

export interface Notice {
	id: number;
	kind: 'success' | 'error';
	text: string;
}

/**
 * One simulated world as every component sees it: the database, the shared clock, the shared
 * preferences (virtual server, whose phone), and the messages that commands leave for the user.
 */
export class Sandbox {
	/** Set by start(): IndexedDB, or an in-memory stand-in where the browser has none. */
	db!: SandboxDB;
	readonly clock: SimClock;
	storage = $state<StorageMode>({ kind: 'indexeddb' });
	ready = $state(false);
	startError = $state<string | null>(null);
	notices = $state<Notice[]>([]);
	#nextNotice = 1;
	#prefs: Live<Preferences | undefined>;
	#servers: Live<VirtualServer[]>;
	#world: Live<Awaited<ReturnType<typeof readWorldInfo>>>;

	/** Queries read `this.db` when they run, which is only once start() has chosen it. */
	readonly #dbName: string | undefined;

	/** `dbName` gives an embedded walkthrough a world of its own. */
	constructor(db?: SandboxDB, dbName?: string) {
		if (db) this.db = db;
		this.#dbName = dbName;
		this.clock = new SimClock(() => this.db);
		this.#prefs = new Live(() => readPreferences(this.db));
		this.#servers = new Live(() => this.#readServers());
		this.#world = new Live(() => readWorldInfo(this.db));
	}

	/**
	 * Opens the database and, on a first visit, builds the demo world. `demoWorld: false` skips
	 * that build where a world of another kind replaces it at once (an embed opening a scenario).
	 */
	async start({ demoWorld = true } = {}) {
		try {
			if (!this.db) {
				// A first visit builds its world right after the open, and so does an embed that opens a
				// scenario: fetch the generator meanwhile, not one round trip later (a cached module on
				// every later visit).
				import('$lib/domain/seed').catch(() => {});
				const { db, mode } = await openDatabase(this.#dbName);
				this.db = db;
				this.storage = mode;
			}
			if (demoWorld) await ensureWorld(this.db);
			// Which server, and whose phone, the first screen shows: known before it is built, or
			// every page would query once for no server and again once these answered. (Read after
			// the world's write, whose last task wakes every live query: the first screen is built
			// in a task of its own, where these answer.)
			const [prefs, servers] = await Promise.all([readPreferences(this.db), this.#readServers()]);
			this.#prefs.seed(prefs);
			this.#servers.seed(servers);
			this.ready = true;
		} catch (error) {
			this.startError = (error as Error)?.message ?? String(error);
		}
	}

	#readServers(): Promise<VirtualServer[]> {
		return this.db.servers.toArray();
	}

	/** Build a seeded world in place of this one (Reset world, and the automation hook). */
	reset(spec?: WorldSpec, onProgress?: OnWorldProgress): Promise<CommandResult> {
		return resetWorld(this.db, spec, onProgress);
	}

	get preferences(): Preferences | undefined {
		return this.#prefs.current;
	}

	get servers(): VirtualServer[] {
		return this.#servers.current ?? [];
	}

	get worldInfo() {
		return this.#world.current;
	}

	get serverId(): string {
		return this.preferences?.serverId || this.servers[0]?.id || '';
	}

	get server(): VirtualServer | undefined {
		return this.servers.find((s) => s.id === this.serverId);
	}

	/** Shows a command's result: a refusal stays until dismissed, a success fades. */
	report(result: CommandResult, success?: string): boolean {
		if (result.ok) {
			if (success !== '') this.notify('success', success ?? result.message);
		} else this.notify('error', result.reason);
		return result.ok;
	}

	notify(kind: Notice['kind'], text: string) {
		const notice = { id: this.#nextNotice++, kind, text };
		this.notices = [...this.notices.filter((n) => n.text !== text), notice].slice(-4);
		if (kind === 'success') setTimeout(() => this.dismiss(notice.id), 6000);
	}

	dismiss(id: number) {
		this.notices = this.notices.filter((n) => n.id !== id);
	}
}

export const [getSandbox, setSandbox] = createContext<Sandbox>();
