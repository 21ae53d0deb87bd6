import { SandboxDB } from './db';

export type StorageMode = { kind: 'indexeddb' } | { kind: 'memory'; reason: string };

const OPEN_TIMEOUT_MS = 4000;

/**
 * Opens the sandbox's IndexedDB database. Where the browser will not give us one (storage
 * blocked, some private windows, an open that hangs), the sandbox runs on an in-memory
 * IndexedDB instead, so that it still works — and says so.
 */
export async function openDatabase(name?: string): Promise<{ db: SandboxDB; mode: StorageMode }> {
	try {
		if (typeof indexedDB === 'undefined' || !indexedDB)
			throw new Error('IndexedDB is not available');
		const db = new SandboxDB(name);
		await withTimeout(db.open(), OPEN_TIMEOUT_MS);
		return { db, mode: { kind: 'indexeddb' } };
	} catch (error) {
		const { indexedDB: memory, IDBKeyRange } = await import('fake-indexeddb');
		const db = new SandboxDB(name, { indexedDB: memory, IDBKeyRange });
		await db.open();
		return { db, mode: { kind: 'memory', reason: describe(error) } };
	}
}

function describe(error: unknown): string {
	const e = error as { name?: string; message?: string; inner?: { message?: string } };
	return e?.inner?.message || e?.message || e?.name || String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('opening the database timed out')), ms);
		promise.then(
			(v) => (clearTimeout(timer), resolve(v)),
			(e) => (clearTimeout(timer), reject(e))
		);
	});
}
