/** A small seeded PRNG (mulberry32): the same seed always builds the same world. */
export interface Rng {
	next(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
}

export function hashSeed(seed: string): number {
	// FNV-1a, 32 bit
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export function createRng(seed: string | number): Rng {
	let a = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p
	};
}

/** An unguessable id for records made at run time (enrollment links among them). */
export function randomId(): string {
	return crypto.randomUUID();
}

/** Digits from the cryptographic RNG, for activation strings. */
export function randomDigits(count: number): string {
	const bytes = crypto.getRandomValues(new Uint8Array(count));
	return Array.from(bytes, (b) => String(b % 10)).join('');
}
