/**
 * Runs costly work (password hashing) a few at a time, in the order it was asked for, so that it never
 * takes every thread the server has: argon2 runs on libuv's thread pool (4 threads), which reading
 * files, compressing pages and DNS share. Work asked for while `concurrency` tasks run waits; a task
 * that may be refused (`{ refusable: true }`, an anonymous sign-in) is refused with `QueueFull` once
 * `maxWaiting` tasks already wait, instead of waiting without bound.
 */
export class QueueFull extends Error {
	constructor() {
		super('Too much work waiting; try again in a moment');
		this.name = 'QueueFull';
	}
}

export class BoundedQueue {
	#running = 0;
	#waiting: (() => void)[] = [];

	constructor(
		readonly concurrency: number,
		readonly maxWaiting: number
	) {
		if (!(concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
	}

	get running(): number {
		return this.#running;
	}

	get waiting(): number {
		return this.#waiting.length;
	}

	/** Runs `task` when a slot is free; its slot is freed however it ends. */
	async run<T>(task: () => Promise<T>, options: { refusable?: boolean } = {}): Promise<T> {
		if (this.#running >= this.concurrency) {
			if (options.refusable && this.#waiting.length >= this.maxWaiting) throw new QueueFull();
			// The slot is handed over by the task that ends (#next), so #running never goes over.
			await new Promise<void>((resolve) => this.#waiting.push(resolve));
		} else {
			this.#running++;
		}
		try {
			return await task();
		} finally {
			this.#next();
		}
	}

	#next() {
		const resume = this.#waiting.shift();
		if (resume) resume();
		else this.#running--;
	}
}
