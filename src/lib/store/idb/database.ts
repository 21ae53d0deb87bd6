/**
 * A small layer over IndexedDB for the store: tables with Dexie's reading vocabulary (`where`,
 * `equals`, `between`, `limit`…), schema versions with upgrades, transactions and live queries.
 * It replaces Dexie, which was a third of the first screen's JavaScript and the largest share of
 * its start-up time; it does only what the store uses.
 *
 * A transaction hands its function a view of the database bound to it: every read and write made
 * through that view (`tx.tokens.get(…)`) is part of the transaction. Reads and writes made through
 * the database itself each run in a transaction of their own.
 */
import { listenToOtherWindows, noteRead, noteWrite, watchWrites } from './live-query';
import { namedError, request, settled } from './request';
import { applyStores, parseStore, type StoreSpec } from './stores';
import { Table } from './table';

export interface Version {
	version: number;
	/** Every store as of this version (see stores.ts for the syntax). */
	stores: Record<string, string | null>;
	/** Rewrites the records of an older database, inside the upgrade's transaction. */
	upgrade?: (tx: Database) => Promise<void>;
}

export interface DatabaseOptions {
	indexedDB?: IDBFactory;
	IDBKeyRange?: typeof IDBKeyRange;
}

/** 'r' reads, 'rw' reads and writes. */
export type Mode = 'r' | 'rw';

type TableArg = { name: string } | string;

/** The connection, shared by the database and every transaction's view of it. */
interface Connection {
	opening?: Promise<IDBDatabase>;
	idb?: IDBDatabase;
	closed?: Error;
	/** Shared reads (see `cached`), dropped when a table they read is written. */
	cache?: Map<string, { tables: string[]; value: Promise<unknown> }>;
}

/** What a view is bound to: nothing (the database itself) or one transaction. */
interface Scope {
	tx: IDBTransaction;
	mode: Mode;
	stores: Set<string>;
	/** The stores written so far: only these wake live queries when the transaction commits. */
	written: Set<string>;
}

/**
 * Dexie's native version numbers are ten times the declared ones; databases the sandbox created
 * with Dexie keep opening.
 */
const NATIVE_FACTOR = 10;

export class Database {
	readonly name: string;
	readonly versions: readonly Version[];
	readonly factory: IDBFactory;
	readonly keyRange: typeof IDBKeyRange;
	protected connection: Connection = {};
	protected scope: Scope | null = null;
	protected specs = new Map<string, StoreSpec>();

	constructor(name: string, versions: readonly Version[], options: DatabaseOptions = {}) {
		this.name = name;
		this.versions = versions;
		this.factory = options.indexedDB ?? indexedDB;
		this.keyRange = options.IDBKeyRange ?? IDBKeyRange;
	}

	/** Opens the database (every read and write opens it first anyway), upgrading it if older. */
	async open(): Promise<this> {
		await this.ready();
		return this;
	}

	close(): void {
		this.connection.idb?.close();
		this.connection.closed = namedError('DatabaseClosedError', 'The database is closed');
	}

	/**
	 * The result of `read`, shared by every caller asking with the same `key` until one of
	 * `tables` is written, in any window: for a large read that repeats, as each keystroke of a
	 * search reading a server's every user. Callers must not change what it returns. Outside a
	 * transaction only (inside one, it reads).
	 */
	cached<T>(key: string, tables: string[], read: () => Promise<T>): Promise<T> {
		if (this.scope) return read();
		let cache = this.connection.cache;
		if (!cache) {
			const entries: NonNullable<Connection['cache']> = (cache = this.connection.cache = new Map());
			watchWrites(this.name, (written) => {
				for (const [k, entry] of entries)
					if (entry.tables.some((t) => written.includes(t))) entries.delete(k);
			});
		}
		noteRead(this.name, tables);
		let entry = cache.get(key);
		if (!entry) {
			const fresh = { tables, value: read() as Promise<unknown> };
			cache.set(key, fresh);
			// A failed read is not kept.
			fresh.value.catch(() => cache.get(key) === fresh && cache.delete(key));
			entry = fresh;
		}
		return entry.value as Promise<T>;
	}

	/** Closes the database and deletes it with every record. */
	async delete(): Promise<void> {
		this.close();
		await request(this.factory.deleteDatabase(this.name));
	}

	/** The IndexedDB connection (opened). */
	backendDB(): IDBDatabase {
		if (!this.connection.idb) throw namedError('DatabaseClosedError', 'The database is not open');
		return this.connection.idb;
	}

	/** The database's native version divided as Dexie declared it. */
	get verno(): number {
		return (this.connection.idb?.version ?? 0) / NATIVE_FACTOR;
	}

	/** A store's primary key and indexes as of the latest version. */
	spec(store: string): StoreSpec {
		let spec = this.specs.get(store);
		if (!spec) {
			const text = this.versions[this.versions.length - 1].stores[store];
			if (!text) throw namedError('NotFoundError', `No table ${store}`);
			this.specs.set(store, (spec = parseStore(text)));
		}
		return spec;
	}

	table<T = unknown, K extends IDBValidKey = IDBValidKey, I = T>(name: string): Table<T, K, I> {
		return new Table<T, K, I>(this, name);
	}

	/**
	 * Runs `fn` in one transaction over `tables`; it commits when `fn` has settled and aborts
	 * (undoing every write) when `fn` throws. Inside `fn`, read and write only through its
	 * argument: `fn` must not wait for anything but these reads and writes, or IndexedDB commits
	 * the transaction early. A transaction inside another joins it.
	 */
	async transaction<R>(
		mode: Mode,
		...args: [...(TableArg | TableArg[])[], (tx: this) => Promise<R> | R]
	): Promise<R> {
		const fn = args.pop() as (tx: this) => Promise<R> | R;
		const stores = [
			...new Set(
				(args as (TableArg | TableArg[])[]).flat().map((t) => (typeof t === 'string' ? t : t.name))
			)
		];
		if (this.scope) {
			for (const s of stores) this.check(s, mode);
			return fn(this);
		}
		const idb = await this.ready();
		const tx = idb.transaction(stores, mode === 'rw' ? 'readwrite' : 'readonly');
		const done = settled(tx);
		const view = Object.create(this) as this;
		const scope: Scope = { tx, mode, stores: new Set(stores), written: new Set() };
		view.scope = scope;
		try {
			const result = await fn(view);
			await done;
			if (scope.written.size > 0) noteWrite(this.name, [...scope.written]);
			return result;
		} catch (error) {
			try {
				tx.abort();
			} catch {
				// Already committed or aborted: the error below says why.
			}
			await done.catch(() => {});
			throw error;
		}
	}

	/**
	 * Runs one operation of a table: in this view's transaction, or else in a transaction of its
	 * own over `stores`. Used by Table and Collection.
	 */
	async run<R>(stores: string[], mode: Mode, body: (tx: IDBTransaction) => Promise<R>): Promise<R> {
		if (this.scope) {
			for (const s of stores) this.check(s, mode);
			if (mode === 'rw') for (const s of stores) this.scope.written.add(s);
			else noteRead(this.name, stores);
			return body(this.scope.tx);
		}
		// A write alone is a transaction of its own; a read alone needs no wait for its commit.
		if (mode === 'rw') return this.transaction('rw', stores, (tx) => tx.run(stores, mode, body));
		const idb =
			this.connection.idb && !this.connection.closed ? this.connection.idb : await this.ready();
		noteRead(this.name, stores);
		return body(idb.transaction(stores, 'readonly'));
	}

	/** (Methods a view calls are not #private: a view is made with Object.create.) */
	protected check(store: string, mode: Mode) {
		const scope = this.scope!;
		if (!scope.stores.has(store))
			throw namedError('NotFoundError', `Table ${store} is not part of this transaction`);
		if (mode === 'rw' && scope.mode === 'r')
			throw namedError('ReadOnlyError', `Table ${store} is read-only in this transaction`);
	}

	protected ready(): Promise<IDBDatabase> {
		const c = this.connection;
		if (c.closed) return Promise.reject(c.closed);
		c.opening ??= this.openConnection().then((idb) => {
			c.idb = idb;
			listenToOtherWindows(this.name);
			// Another window upgrading or deleting the database: let it, and say so on next use.
			idb.onversionchange = () => {
				idb.close();
				c.closed = namedError('DatabaseClosedError', 'Another window changed the database');
			};
			return idb;
		});
		return c.opening;
	}

	protected openConnection(): Promise<IDBDatabase> {
		const latest = this.versions[this.versions.length - 1];
		return new Promise((resolve, reject) => {
			const req = this.factory.open(this.name, Math.round(latest.version * NATIVE_FACTOR));
			let failed: unknown;
			req.onupgradeneeded = (e) => {
				const idb = req.result;
				const tx = req.transaction!;
				const old = e.oldVersion / NATIVE_FACTOR;
				if (old === 0) return applyStores(idb, tx, latest.stores);
				const view = Object.create(this) as this;
				view.scope = { tx, mode: 'rw', stores: new Set(), written: new Set() };
				// Each version's stores, then its upgrade, in order; the upgrades' reads and writes
				// keep the version change's transaction alive.
				let chain = Promise.resolve();
				for (const v of this.versions.filter((v) => v.version > old))
					chain = chain.then(async () => {
						applyStores(idb, tx, v.stores);
						view.scope!.stores = new Set(idb.objectStoreNames);
						await v.upgrade?.(view);
					});
				chain.catch((error) => {
					failed = error;
					tx.abort();
				});
			};
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(failed ?? req.error);
			req.onblocked = () => {
				// Another window holds an older version open; it closes when told (onversionchange).
			};
		});
	}
}
