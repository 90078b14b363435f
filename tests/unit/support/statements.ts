import type Database from 'better-sqlite3';

/** Every statement this connection is asked to prepare from now on, in order (kept ones are prepared once). */
export function recordPrepared(sqlite: Database.Database): string[] {
	const prepared: string[] = [];
	const prepare = sqlite.prepare.bind(sqlite);
	sqlite.prepare = ((source: string) => (prepared.push(source), prepare(source))) as typeof prepare;
	return prepared;
}

/** SQLite's plan of a statement with these values, a line per step. */
export function planOf(sqlite: Database.Database, sql: string, ...params: unknown[]): string {
	return sqlite
		.prepare(`explain query plan ${sql}`)
		.all(...params)
		.map((p) => (p as { detail: string }).detail)
		.join('\n');
}
