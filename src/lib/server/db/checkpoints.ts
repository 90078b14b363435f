import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/** How often the worker copies the write-ahead log into the database file, when there is any. */
export const CHECKPOINT_EVERY_MS = 1000;

/**
 * The worker: its own connection to the same file, checkpointing PASSIVE (it never waits for a
 * reader or a writer: what it cannot copy now it copies next time). Busy (another process's
 * checkpoint) is tried again next time; any other error stops the worker, and the server is told.
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const sqlite = new Database(workerData.path, { fileMustExist: true });
setInterval(() => {
	try {
		sqlite.pragma('wal_checkpoint(PASSIVE)');
	} catch (error) {
		if (!/^SQLITE_(BUSY|LOCKED)/.test(error.code ?? '')) throw error;
	}
}, workerData.every);
`;

/**
 * Checkpoints off the server's thread. In WAL mode SQLite copies the log back into the database file
 * (a checkpoint) inside the commit that grows the log past 1,000 pages, by default: that one commit
 * then writes up to 4 MB and waits for the disk, on the thread that answers every page (0.29 s
 * measured in the benchmark, issue 14). Here the connection's own checkpoints are turned off and a
 * worker thread checkpoints every `CHECKPOINT_EVERY_MS` instead. If the worker fails, the connection
 * checkpoints itself again (logged). Closing the connection stops the worker.
 */
export function checkpointElsewhere(sqlite: Database.Database, path: string): void {
	const worker = new Worker(WORKER, {
		eval: true,
		workerData: {
			sqlite: createRequire(import.meta.url).resolve('better-sqlite3'),
			path,
			every: CHECKPOINT_EVERY_MS
		}
	});
	worker.unref();
	sqlite.pragma('wal_autocheckpoint = 0');
	worker.on('error', (error) => {
		console.error('The checkpoint worker failed; the database checkpoints on the main thread again.', error);
		if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
	});
	const close = sqlite.close.bind(sqlite);
	sqlite.close = () => {
		void worker.terminate();
		return close();
	};
}
