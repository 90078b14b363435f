import { env } from '$env/dynamic/private';
import { openDatabase, type Db } from './client';

let instance: Db | undefined;

/** The app's database, opened on first use from DATABASE_PATH (default data/voicebox.db). */
export function db(): Db {
	instance ??= openDatabase(env.DATABASE_PATH || 'data/voicebox.db');
	return instance;
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Every write goes through here: a transaction that starts as a writer (BEGIN IMMEDIATE), so that
 * when another connection holds the write lock SQLite waits (busy_timeout) instead of failing at
 * once, which it must do for a transaction that read first and then tries to write.
 */
export function write<T>(fn: (tx: Tx) => T): T {
	return db().transaction(fn, { behavior: 'immediate' });
}

export * as tables from './schema';
