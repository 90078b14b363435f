// Restores a backup made by scripts/backup.js. Stop the portal first: the database file is replaced.
// Usage: node scripts/restore.js <backup file>   (into DATABASE_PATH, default data/voicebox.db)
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

const backup = process.argv[2];
const target = process.env.DATABASE_PATH || 'data/voicebox.db';
if (!backup || !existsSync(backup)) {
	console.error('Usage: node scripts/restore.js <backup file>');
	process.exit(1);
}
const copy = new Database(backup, { readonly: true });
const check = copy.pragma('integrity_check', { simple: true });
copy.close();
if (check !== 'ok') {
	console.error(`${backup} is damaged (${check}); nothing was restored`);
	process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
// The old write-ahead log belongs to the old file: it must not be replayed into the restored one.
for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
copyFileSync(backup, target);
console.log(`Restored ${backup} to ${target}`);
