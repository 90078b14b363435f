import { describe, expect, it } from 'vitest';
import { BoundedQueue, QueueFull } from '../../src/lib/server/bounded-queue';

/** A task that runs until `finish()` or `fail()`, recording when it started. */
function gate(log: string[], name: string) {
	let finish!: () => void;
	let fail!: (e: Error) => void;
	const done = new Promise<void>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	return {
		task: () => {
			log.push(name);
			return done.then(() => name);
		},
		finish,
		fail
	};
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('BoundedQueue', () => {
	it('never runs more than its concurrency, and starts work in the order it was asked for', async () => {
		const queue = new BoundedQueue(2, 100);
		let now = 0;
		let most = 0;
		const order: number[] = [];
		const tasks = Array.from({ length: 12 }, (_, i) =>
			queue.run(async () => {
				now++;
				most = Math.max(most, now);
				order.push(i);
				await new Promise((r) => setTimeout(r, 1 + ((i * 7) % 5)));
				now--;
				return i;
			})
		);
		expect(await Promise.all(tasks)).toEqual([...Array(12).keys()]);
		expect(most).toBe(2);
		expect(order).toEqual([...Array(12).keys()]);
		expect(queue.running).toBe(0);
		expect(queue.waiting).toBe(0);
	});

	it('one at a time: the next starts only when the one before ends', async () => {
		const log: string[] = [];
		const queue = new BoundedQueue(1, 10);
		const a = gate(log, 'a');
		const b = gate(log, 'b');
		const ra = queue.run(a.task);
		const rb = queue.run(b.task);
		await tick();
		expect(log).toEqual(['a']);
		expect([queue.running, queue.waiting]).toEqual([1, 1]);
		a.finish();
		await ra;
		await tick();
		expect(log).toEqual(['a', 'b']);
		b.finish();
		expect(await rb).toBe('b');
		expect([queue.running, queue.waiting]).toEqual([0, 0]);
	});

	it('refuses refusable work beyond the waiting cap, and still takes work that must wait', async () => {
		const log: string[] = [];
		const queue = new BoundedQueue(1, 2);
		const first = gate(log, 'first');
		const running = queue.run(first.task);
		const w1 = queue.run(async () => 'w1', { refusable: true });
		const w2 = queue.run(async () => 'w2', { refusable: true });
		await expect(queue.run(async () => 'no', { refusable: true })).rejects.toBeInstanceOf(QueueFull);
		// Work from someone already trusted (setting a password) is never refused.
		const trusted = queue.run(async () => 'trusted');
		expect(queue.waiting).toBe(3);
		first.finish();
		expect(await Promise.all([running, w1, w2, trusted])).toEqual(['first', 'w1', 'w2', 'trusted']);
		// Room again once the line has gone down.
		expect(await queue.run(async () => 'again', { refusable: true })).toBe('again');
	});

	it('a task that fails frees its slot for the next one', async () => {
		const log: string[] = [];
		const queue = new BoundedQueue(1, 5);
		const bad = gate(log, 'bad');
		const failing = queue.run(bad.task);
		const next = queue.run(async () => 'next');
		bad.fail(new Error('argon2 broke'));
		await expect(failing).rejects.toThrow('argon2 broke');
		expect(await next).toBe('next');
		expect([queue.running, queue.waiting]).toEqual([0, 0]);
		// A task that throws before its first await frees its slot too.
		await expect(
			queue.run(() => {
				throw new Error('at once');
			})
		).rejects.toThrow('at once');
		expect(queue.running).toBe(0);
	});
});
