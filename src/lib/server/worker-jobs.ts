import type { MessagePort, Worker } from 'node:worker_threads';

/**
 * Jobs given to a worker thread, each answered by its number: the one place that starts a worker
 * (on the first job, and again after it stopped), lets the server stop while it is idle, and fails
 * every job waiting on it when it fails or stops. The worker answers `{ id, message }` with
 * `{ id, value }` or `{ id, error }` (`answerJobs` does that for a worker that can import it).
 * `failed`: told when the worker fails (not when it just stops); jobs after that start a new one.
 */
export function workerJobs<In, Out>(
	start: () => Worker,
	failed?: (error: Error) => void
): (message: In) => Promise<Out> {
	let worker: Worker | null = null;
	let nextId = 0;
	const waiting = new Map<number, { resolve: (value: Out) => void; reject: (error: Error) => void }>();

	function started(): Worker {
		if (worker) return worker;
		const w = start();
		w.unref();
		w.on('message', ({ id, value, error }: { id: number; value?: Out; error?: string }) => {
			const job = waiting.get(id);
			waiting.delete(id);
			if (error === undefined) job?.resolve(value as Out);
			else job?.reject(new Error(error));
		});
		const stop = (error: Error) => {
			if (worker !== w) return;
			worker = null;
			for (const job of waiting.values()) job.reject(error);
			waiting.clear();
		};
		w.on('error', (error) => {
			stop(error);
			failed?.(error);
		});
		w.on('exit', () => stop(new Error('the worker stopped')));
		worker = w;
		return w;
	}

	return (message) =>
		new Promise((resolve, reject) => {
			const id = nextId++;
			waiting.set(id, { resolve, reject });
			started().postMessage({ id, message });
		});
}

/** The worker's side of `workerJobs`: answers each job with what `run` gives or the error it throws. */
export function answerJobs<In>(port: MessagePort, run: (message: In) => unknown): void {
	port.on('message', ({ id, message }: { id: number; message: In }) => {
		try {
			port.postMessage({ id, value: run(message) });
		} catch (error) {
			port.postMessage({
				id,
				error: error instanceof Error ? (error.stack ?? error.message) : String(error)
			});
		}
	});
}
