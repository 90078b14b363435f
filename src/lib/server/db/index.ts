import { env } from '$env/dynamic/private';
import { openDatabase, type Db } from './client';

let instance: Db | undefined;

/** The app's database, opened on first use from DATABASE_PATH (default data/voicebox.db). */
export function db(): Db {
	instance ??= openDatabase(env.DATABASE_PATH || 'data/voicebox.db');
	return instance;
}

export * as tables from './schema';
