import { describe, expect, it } from 'vitest';
import { SerialQueue } from './queue';

/** A handler whose calls finish when the test says so, to see whether they overlap. */
function controlled() {
	const log: string[] = [];
	const pending = new Map<string, () => void>();
	const handler = (item: string) =>
		new Promise<void>((resolve) => {
			log.push(`start ${item}`);
			pending.set(item, () => {
				log.push(`end ${item}`);
				resolve();
			});
		});
	const finish = async (item: string) => {
		await Promise.resolve();
		pending.get(item)!();
		await new Promise((r) => setTimeout(r, 0));
	};
	return { log, handler, finish };
}

describe('SerialQueue', () => {
	it('holds items until started, then handles them in arrival order', async () => {
		const queue = new SerialQueue<string>();
		const seen: string[] = [];
		queue.push('goToStep 4');
		queue.push('reset');
		expect(queue.pending).toBe(2);
		queue.start(async (item) => {
			await new Promise((r) => setTimeout(r, item === 'goToStep 4' ? 20 : 0));
			seen.push(item);
		});
		await queue.idle();
		expect(seen).toEqual(['goToStep 4', 'reset']);
	});

	it('runs one item to completion before the next starts, even when a later one is quicker', async () => {
		const queue = new SerialQueue<string>();
		const { log, handler, finish } = controlled();
		queue.start(handler);
		queue.push('a');
		queue.push('b');
		await new Promise((r) => setTimeout(r, 0));
		expect(log).toEqual(['start a']);
		await finish('a');
		expect(log).toEqual(['start a', 'end a', 'start b']);
		await finish('b');
		expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
		await queue.idle();
		expect(queue.pending).toBe(0);
	});

	it('keeps order for items pushed while one is being handled', async () => {
		const queue = new SerialQueue<number>();
		const seen: number[] = [];
		queue.start(async (n) => {
			if (n === 1) for (const m of [2, 3, 4]) queue.push(m);
			await new Promise((r) => setTimeout(r, 5 - n));
			seen.push(n);
		});
		queue.push(1); // its handler pushes 2, 3, 4 before 5 arrives
		queue.push(5);
		await queue.idle();
		expect(seen).toEqual([1, 2, 3, 4, 5]);
	});

	it('goes on after a handler throws', async () => {
		const errors: unknown[] = [];
		const queue = new SerialQueue<string>((e) => errors.push(e));
		const seen: string[] = [];
		queue.start(async (item) => {
			if (item === 'bad') throw new Error('boom');
			seen.push(item);
		});
		queue.push('bad');
		queue.push('good');
		await queue.idle();
		expect(seen).toEqual(['good']);
		expect(errors).toHaveLength(1);
	});
});
