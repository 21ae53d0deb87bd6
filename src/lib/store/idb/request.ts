/** IndexedDB's requests and transactions as promises, and the layer's named errors. */

export function namedError(name: string, message: string): Error {
	const error = new Error(message);
	error.name = name;
	return error;
}

/** Resolves when `tx` commits, rejects with its error when it aborts. */
export function settled(tx: IDBTransaction): Promise<void> {
	const done = new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? namedError('AbortError', 'The transaction was aborted'));
	});
	// Awaited by the caller once its function has settled; an abort before then is not unhandled.
	done.catch(() => {});
	return done;
}

/**
 * One IndexedDB request as a promise. A failed request does not abort its transaction by itself:
 * the caller's error does, if it is not caught (as with Dexie).
 */
export function request<T>(req: IDBRequest<T>): Promise<T> {
	const result = new Promise<T>((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = (e) => {
			e.preventDefault();
			e.stopPropagation();
			reject(req.error);
		};
	});
	// The requests of a bulk write after one that threw fail with the aborted transaction, and
	// no one waits for them any more: their failure is the transaction's, not unhandled.
	result.catch(() => {});
	return result;
}
