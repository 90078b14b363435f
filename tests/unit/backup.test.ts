import { afterAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/lib/server/db/client';

/**
 * `npm run backup` copies the database while the portal keeps writing, and `npm run restore` puts a
 * copy back: the restored database is whole, and holds exactly the rows the live one had then.
 */
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'voicebox-backup-'));
const live = join(dir, 'live.db');
const copy = join(dir, 'backups', 'copy.db');
const restored = join(dir, 'restored', 'voicebox.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process writes a row at a time, each its own transaction, for `ms` milliseconds. */
function writeFor(ms: number): Promise<number> {
	const script = `
		const Database = require('better-sqlite3');
		const db = new Database(process.argv[1]);
		db.pragma('busy_timeout = 5000');
		const insert = db.prepare("insert into outbox (id, \\"to\\", subject, text, created_at, next_attempt_at) values (?, 'a@b.example', 'subject', 'text', ?, 0)");
		const end = Date.now() + Number(process.argv[2]);
		let n = 0;
		while (Date.now() < end) insert.run('row' + n++, Date.now());
		process.stdout.write(String(n));
	`;
	const writer = spawn(process.execPath, ['-e', script, live, String(ms)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let out = '';
	writer.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
	return new Promise((resolve, reject) =>
		writer.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`writer: ${code}`))))
	);
}

const rows = (file: string) =>
	new Database(file, { readonly: true })
		.prepare('select id, created_at as createdAt from outbox order by id')
		.all() as Array<{ id: string; createdAt: number }>;

describe('backup and restore', () => {
	it('backs up a running portal under write load, and the restore holds exactly what was there', async () => {
		openDatabase(live).$client.close();
		const writing = writeFor(2500);
		await new Promise((resolve) => setTimeout(resolve, 500));
		const backup = await run(process.execPath, ['scripts/backup.js', copy], {
			env: { ...process.env, DATABASE_PATH: live }
		});
		expect(backup.stdout).toContain('integrity ok');
		const written = await writing;

		await run(process.execPath, ['scripts/restore.js', copy], {
			env: { ...process.env, DATABASE_PATH: restored }
		});
		const back = rows(restored);
		const all = new Map(rows(live).map((r) => [r.id, r.createdAt]));
		// Some rows were written before the backup and some after: the copy has a part, all intact.
		expect(back.length).toBeGreaterThan(0);
		expect(back.length).toBeLessThan(written);
		expect(back.every((r) => all.get(r.id) === r.createdAt)).toBe(true);
		// The restored file opens as the portal opens it (migrations already applied) and is whole.
		const reopened = openDatabase(restored).$client;
		expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
		reopened.close();
	}, 30_000);

	it('refuses to restore a damaged file, and leaves the database alone', async () => {
		const junk = join(dir, 'junk.db');
		(await import('node:fs')).writeFileSync(junk, 'not a database');
		await expect(
			run(process.execPath, ['scripts/restore.js', junk], {
				env: { ...process.env, DATABASE_PATH: restored }
			})
		).rejects.toThrow();
		expect(rows(restored).length).toBeGreaterThan(0);
	});
});
