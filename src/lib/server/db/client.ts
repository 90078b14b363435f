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
	migrate(db, { migrationsFolder });
	return db;
}
