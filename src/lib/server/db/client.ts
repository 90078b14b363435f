import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';

export type Db = ReturnType<typeof openDatabase>;

/** Opens (creating if needed) the SQLite file, sets the pragmas and applies migrations. */
export function openDatabase(path: string, migrationsFolder = 'drizzle') {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// FULL: a confirmed write (a child's urgent message) survives a power cut, not only a crash.
	sqlite.pragma('synchronous = FULL');
	const db = drizzle(sqlite, { schema });
	migrateOnce(() => migrate(db, { migrationsFolder }));
	return db;
}

/**
 * Several processes may start on one database at once (README, "Running on more than one core"), and
 * drizzle reads which migrations were applied before its transaction: the one that loses the race
 * fails (busy, or "table already exists"). It waits a moment and tries again, when it finds the
 * migrations applied; a migration that really fails still fails after the last try.
 */
function migrateOnce(run: () => void, tries = 5) {
	for (let attempt = 1; ; attempt++) {
		try {
			return run();
		} catch (error) {
			if (attempt >= tries) throw error;
			Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100 * attempt);
		}
	}
}
