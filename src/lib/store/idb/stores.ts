/**
 * The schema's store strings (`'serial, serverId, [serverId+state]'`) and what they make in
 * IndexedDB. The syntax is Dexie's, whose layout the sandbox's databases were created with
 * before this layer replaced it: the first entry is the primary key (`++` auto-incremented), the
 * others indexes (`&` unique, `*` multi-entry, `[a+b]` compound, named as written).
 */

export interface IndexSpec {
	name: string;
	keyPath: string | string[];
	unique: boolean;
	multiEntry: boolean;
}

export interface StoreSpec {
	keyPath: string | string[] | null;
	autoIncrement: boolean;
	indexes: IndexSpec[];
}

function parseEntry(entry: string): IndexSpec & { autoIncrement: boolean } {
	const autoIncrement = entry.startsWith('++');
	const unique = entry.startsWith('&');
	const multiEntry = entry.startsWith('*');
	const name = entry.replace(/^(\+\+|&|\*)/, '');
	const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
	return { name, keyPath, unique, multiEntry, autoIncrement };
}

export function parseStore(spec: string): StoreSpec {
	const [primary, ...indexes] = spec.split(',').map((s) => s.trim());
	const key = parseEntry(primary);
	return {
		keyPath: key.name === '' ? null : key.keyPath,
		autoIncrement: key.autoIncrement,
		indexes: indexes.filter((s) => s !== '').map(parseEntry)
	};
}

const sameKeyPath = (a: string | string[], b: string | string[]) =>
	JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings the stores of a database being upgraded to `stores`: creates the missing stores and
 * indexes, deletes the indexes no longer named and the stores set to null, and leaves every other
 * store (and its records) as it is.
 */
export function applyStores(
	db: IDBDatabase,
	tx: IDBTransaction,
	stores: Record<string, string | null>
): void {
	for (const [name, text] of Object.entries(stores)) {
		const exists = db.objectStoreNames.contains(name);
		if (text === null) {
			if (exists) db.deleteObjectStore(name);
			continue;
		}
		const spec = parseStore(text);
		const store = exists
			? tx.objectStore(name)
			: db.createObjectStore(name, {
					keyPath: spec.keyPath,
					autoIncrement: spec.autoIncrement
				});
		const wanted = new Map(spec.indexes.map((i) => [i.name, i]));
		for (const have of [...store.indexNames]) {
			const index = store.index(have);
			const want = wanted.get(have);
			if (
				!want ||
				!sameKeyPath(index.keyPath, want.keyPath) ||
				index.unique !== want.unique ||
				index.multiEntry !== want.multiEntry
			)
				store.deleteIndex(have);
		}
		for (const i of spec.indexes)
			if (!store.indexNames.contains(i.name))
				store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
	}
}
