import { env } from '$env/dynamic/private';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { openDatabase, type Db } from './client';

export type { Db };

let instance: Db | undefined;

/** Where the app's database is: DATABASE_PATH (default data/voicebox.db). */
export function databasePath(): string {
	return env.DATABASE_PATH || 'data/voicebox.db';
}

/** The app's database, opened on first use from `databasePath()`. */
export function db(): Db {
	instance ??= openDatabase(databasePath());
	return instance;
}

/** Makes `opened` the database `db()` gives (a worker thread's reader, `kept-figures.ts`). */
export function useDatabase(opened: Db): void {
	instance = opened;
}

/**
 * A query that drizzle builds once per database and keeps (it otherwise builds the SQL again on every
 * call): `build` marks what changes with `sql.placeholder('name')` and ends with `.prepare()`; the
 * kept query then runs with `.get({ name })` or `.all({ name })`. For the queries every page runs.
 */
export function keptQuery<T>(build: (db: Db) => T): () => T {
	const kept = new WeakMap<Db, T>();
	return () => {
		const current = db();
		let query = kept.get(current);
		if (query === undefined) kept.set(current, (query = build(current)));
		return query;
	};
}

/**
 * "`column` is one of the values of the JSON array bound as `name`": one bound variable however long
 * the list, so a kept query can take one (`.all({ [name]: JSON.stringify(ids) })`). SQLite still
 * looks each value up in the column's index.
 */
export function inList(column: SQLiteColumn, name: string): SQL {
	return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
}

/** Whether any row of `table` matches `where`. */
export function anyRow(table: SQLiteTable, where: SQL | undefined): boolean {
	return Boolean(
		db()
			.select({ one: sql`1` })
			.from(table)
			.where(where)
			.limit(1)
			.get()
	);
}

/**
 * How many rows of `table` each key has in `column` (and match `where`), as a kept query: the
 * function it gives takes the keys and leaves out keys without any.
 */
export function countsOf(
	table: SQLiteTable,
	column: SQLiteColumn,
	where?: SQL
): (keys: string[]) => Map<string, number> {
	const query = keptQuery((db) =>
		db
			.select({ key: sql<string>`${column}`, n: count() })
			.from(table)
			.where(and(inList(column, 'keys'), where))
			.groupBy(column)
			.prepare()
	);
	return (keys) =>
		keys.length
			? new Map(
					query()
						.all({ keys: JSON.stringify(keys) })
						.map((r) => [r.key, r.n])
				)
			: new Map();
}

/**
 * The rows of `table` whose `column` equals one value, in the `order` given, as a kept query
 * (`keptQuery`): `rowsWhere(t, c)().get({ value })` for one, `.all({ value })` for all of them.
 */
export function rowsWhere<T extends SQLiteTable>(
	table: T,
	column: SQLiteColumn,
	...order: (SQLiteColumn | SQL)[]
) {
	type Row = T['$inferSelect'];
	return keptQuery(
		(db) =>
			db
				.select()
				.from(table as SQLiteTable)
				.where(eq(column, sql.placeholder('value')))
				.orderBy(...order)
				.prepare() as unknown as {
				get(values: { value: string }): Row | undefined;
				all(values: { value: string }): Row[];
			}
	);
}

/** One row of `table` by its id, if it is this child's: undefined otherwise (the caller answers 404). */
export function rowOfChild<T extends SQLiteTable & { id: SQLiteColumn; childId: SQLiteColumn }>(
	table: T,
	childId: string,
	id: string
): T['$inferSelect'] | undefined {
	return db()
		.select()
		.from(table as SQLiteTable)
		.where(and(eq(table.id, id), eq(table.childId, childId)))
		.get() as T['$inferSelect'] | undefined;
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The read transaction `readTogether` holds open, if any, and its connection. */
let reading: Db['$client'] | null = null;

/**
 * The statements run in this turn of the event loop read together, in one read transaction that ends
 * before the next turn (or at the first write): in WAL mode SQLite otherwise begins and ends one for
 * every statement, taking and letting go of its locks each time (issue 14: a tenth of a child's home
 * page went on it). Every statement of the turn reads the same moment of the database. Called by the
 * server as each request starts (hooks/auth.ts). A write ends the read first and reads together again
 * after (`write`), so it still starts as a writer, waits its turn and sees every write before it.
 */
export function readTogether(): void {
	const sqlite = db().$client;
	if (reading || sqlite.inTransaction) return;
	sqlite.exec('BEGIN');
	reading = sqlite;
	setImmediate(endReading);
}

/** Ends the read transaction `readTogether` opened, if it is still open: whether it was. */
function endReading(): boolean {
	const sqlite = reading;
	reading = null;
	if (!sqlite?.inTransaction) return false;
	sqlite.exec('COMMIT');
	return true;
}

/** Runs a write outside the turn's read transaction (`readTogether`), and reads together again after. */
function outsideRead<T>(run: () => T): T {
	const wasReading = endReading();
	try {
		return run();
	} finally {
		if (wasReading) readTogether();
	}
}

/**
 * Every write goes through here: a transaction that starts as a writer (BEGIN IMMEDIATE), so that
 * when another connection holds the write lock SQLite waits (busy_timeout) instead of failing at
 * once, which it must do for a transaction that read first and then tries to write.
 */
export function write<T>(fn: (tx: Tx) => T): T {
	return outsideRead(() => asWriter(fn));
}

const asWriter = <T>(fn: (tx: Tx) => T): T => db().transaction(fn, { behavior: 'immediate' });

/** Whether a write (`write`) is under way on this connection: not just the turn's read (`readTogether`). */
export function insideWrite(): boolean {
	return reading === null && db().$client.inTransaction;
}

/** The database stayed locked by another connection for longer than its wait (busy_timeout). */
export function isBusy(error: unknown): boolean {
	for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const code = (e as { code?: unknown }).code;
		if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
	}
	return false;
}

/**
 * A write no one is told was done (a member of staff's read in the audit trail, a session's last-seen
 * time, read marks): committed without waiting for the disk to confirm it (SQLite's `synchronous =
 * NORMAL` for this commit only), which spares the one server thread 0.3–1 ms of waiting each time
 * (issue 14). It survives the server crashing at once; the next confirmed write (every other write
 * waits for the disk, and the disk then holds everything before it too) or checkpoint makes it survive
 * a power cut as well. Inside another write it is part of that write, and waits with it.
 */
export function writeUnconfirmed<T>(fn: (tx: Tx) => T): T {
	return outsideRead(() => {
		const sqlite = db().$client;
		if (sqlite.inTransaction) return asWriter(fn);
		sqlite.pragma('synchronous = NORMAL');
		try {
			return asWriter(fn);
		} finally {
			sqlite.pragma('synchronous = FULL');
		}
	});
}

/**
 * A bookkeeping write (a session's last-seen time, read marks) that a page must not fail for:
 * it waits like any write (unconfirmed: `writeUnconfirmed`), and is left undone (returns
 * undefined) if the database stays busy.
 */
export function writeIfFree<T>(fn: (tx: Tx) => T): T | undefined {
	try {
		return writeUnconfirmed(fn);
	} catch (error) {
		if (isBusy(error)) return undefined;
		throw error;
	}
}

export * as tables from './schema';
