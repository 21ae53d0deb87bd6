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

/** How long one task may spend issuing a bulk write's requests before it lets the browser in. */
const SLICE_MS = 4;

/**
 * Issues one request per item, as a bulk write does, in slices of at most SLICE_MS: each call
 * to `add` or `put` serializes its record on the main thread (about 0.1 ms each here, some 160
 * for a first world), so a bulk write issued at once is one long task on a slow phone. After a
 * slice it waits for the slice's first request, so the database still has the rest of the slice
 * to work on (no throughput lost), and the transaction is active again when it goes on.
 * Returns every request's promise, in order.
 */
export async function issueInSlices<T, R>(
	items: readonly T[],
	issue: (item: T) => Promise<R>
): Promise<Promise<R>[]> {
	const issued: Promise<R>[] = [];
	let sliceStart = performance.now();
	let sliceFirst = 0;
	for (const item of items) {
		issued.push(issue(item));
		if (performance.now() - sliceStart >= SLICE_MS) {
			await issued[sliceFirst].catch(() => {});
			sliceStart = performance.now();
			sliceFirst = issued.length;
		}
	}
	return issued;
}
