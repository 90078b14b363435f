import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db/client';
import { CHECKPOINT_EVERY_MS } from '../../src/lib/server/db/checkpoints';

/**
 * The server's connection never checkpoints inside a commit (that commit would write megabytes and
 * wait for the disk on the thread that answers every page): a worker thread copies the log into the
 * database file instead, soon after the writes.
 */
const dir = mkdtempSync(join(tmpdir(), 'voicebox-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkpoints', () => {
	it('are left to the worker, which copies the log into the database file after writes', async () => {
		const file = join(dir, 'voicebox.db');
		const sqlite = openDatabase(file).$client;
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
		// About 2,500 pages of writes: past SQLite's own threshold of 1,000 pages.
		const before = statSync(file).size;
		const insert = sqlite.prepare(
			"insert into outbox (id, \"to\", subject, text, created_at, next_attempt_at) values (?, 'a@b.example', 's', ?, 0, 0)"
		);
		for (let i = 0; i < 500; i++) insert.run(`row${i}`, 'x'.repeat(20_000));
		// Nothing was copied by the commits themselves: the rows are in the log only.
		expect(statSync(file).size).toBe(before);
		// The copy may land in steps (a busy machine): wait for all of it, within ten rounds of the worker.
		const deadline = Date.now() + 10 * CHECKPOINT_EVERY_MS;
		while (statSync(file).size <= before + 5_000_000 && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 50));
		expect(statSync(file).size).toBeGreaterThan(before + 5_000_000);
		sqlite.close();
	});

	it('are not asked of an in-memory database (nothing to copy it into)', () => {
		const sqlite = openDatabase(':memory:').$client;
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		sqlite.close();
	});
});
