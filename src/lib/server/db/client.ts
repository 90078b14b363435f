import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as schema from './schema';
import { checkpointElsewhere } from './checkpoints';

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
	reuseStatements(sqlite);
	if (path !== ':memory:') checkpointElsewhere(sqlite, path);
	return db;
}

/**
 * The same database opened to read only, by another thread of the same server (the figures' worker,
 * `server/kept-figures.ts`): no pragmas that write, no migrations (the server applied them first).
 */
export function openReader(path: string): Db {
	const sqlite = new Database(path, { readonly: true, fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	reuseStatements(sqlite);
	return drizzle(sqlite, { schema });
}

/**
 * drizzle prepares every query afresh; SQLite's parsing and planning is then a large share of a page's
 * time (issue 14). Statements are kept by their SQL instead (the most recently used thousand), and a
 * kept one is handed back in its plain mode, as a new one would be (drizzle turns on raw mode).
 */
function reuseStatements(sqlite: Database.Database, limit = 1000) {
	const prepare = sqlite.prepare.bind(sqlite);
	const kept = new Map<string, Database.Statement>();
	sqlite.prepare = ((source: string) => {
		let statement = kept.get(source);
		// One still being iterated cannot run again meanwhile: that caller gets a new one.
		if (!statement || statement.busy) {
			statement = prepare(source);
			if (kept.size >= limit) kept.delete(kept.keys().next().value!);
		} else {
			kept.delete(source);
			if (statement.reader) statement.raw(false).pluck(false).expand(false);
		}
		kept.set(source, statement);
		return statement;
	}) as typeof sqlite.prepare;
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
