/** An index range that reads its first records (a Collection). */
interface Range<T> {
	limit(n: number): { toArray(): PromiseLike<T[]> };
}

/** How many records one step of a long read decodes: a few milliseconds of main-thread work. */
export const STEP = 250;

/**
 * A pause between two steps of a long read, so that the browser paints and handles input
 * between them instead of decoding tens of thousands of records in one task. Never inside a
 * transaction: IndexedDB commits a transaction that waits for anything but its own requests.
 */
export async function nextTask(steps: Steps = {}): Promise<void> {
	await new Promise<void>((resolve) => setTimeout(resolve, 0));
	if (steps.wanted && !steps.wanted()) throw new Abandoned();
}

/** How a long read goes: records per step, and whether its result is still wanted. */
export interface Steps {
	size?: number;
	/**
	 * Asked after each pause: a page that is gone says no, and the read stops (with `Abandoned`)
	 * instead of holding IndexedDB and the main thread while the next page opens.
	 */
	wanted?: () => boolean;
}

/** A long read stopped because nobody wants its result any more. */
export class Abandoned extends Error {
	constructor() {
		super('The read was abandoned: its page is gone.');
	}
}

/**
 * Every record of an index range whose keys are unique, `STEP` at a time with a pause between
 * steps (see `Steps`): `from(null)` is the whole range, `from(key)` the part of it after `key`, and `keyOf` a
 * record's key in that index. Each step is one IndexedDB getAll.
 */
export async function readInSteps<T>(
	from: (after: unknown[] | null) => Range<T>,
	keyOf: (record: T) => unknown[],
	steps: Steps = {}
): Promise<T[]> {
	const size = steps.size ?? STEP;
	const out: T[] = [];
	for (let after: unknown[] | null = null; ;) {
		const step = await from(after).limit(size).toArray();
		for (const r of step) out.push(r);
		if (step.length < size) return out;
		after = keyOf(step[step.length - 1]);
		await nextTask(steps);
	}
}

/**
 * A large result as a live query hands it to a page: a class instance, which Svelte's `$state`
 * keeps as it is, instead of wrapping each of its thousands of records in a proxy field by field
 * as the page first reads them (tens of milliseconds at the Large demo).
 */
export class Whole<T> {
	constructor(readonly value: T) {}
}
