// A backup of the live database, safe while the portal runs: SQLite's online backup API copies a
// consistent snapshot page by page (writers keep going), unlike `cp`, which can copy a torn file.
// Usage: node scripts/backup.js [destination]   (default backups/voicebox-<date>-<time>.db)
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const source = process.env.DATABASE_PATH || 'data/voicebox.db';
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const destination = process.argv[2] || `backups/voicebox-${stamp}.db`;

mkdirSync(dirname(destination), { recursive: true });
const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
await db.backup(destination);
db.close();

const copy = new Database(destination, { readonly: true });
const check = copy.pragma('integrity_check', { simple: true });
const keys = copy.pragma('foreign_key_check');
copy.close();
if (check !== 'ok' || keys.length) {
	console.error(`Backup ${destination} failed its checks: ${check}, ${keys.length} broken links`);
	process.exit(1);
}
console.log(`Backed up ${source} to ${destination} (integrity ok)`);
