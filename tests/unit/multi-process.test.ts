import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Two production servers (`node scripts/start.js`) on one database, as the README's "Running on more
 * than one core" starts them: both answer pages, exactly one runs the background work (the lease),
 * an email is sent once, and when the holder stops the other takes over. Needs `npm run build`.
 */
const BUILT = existsSync('build/handler.js');
const PORTS = [4641, 4642];
const SMTP_PORT = 4643;
const MAIL_PORT = 4644;
const dir = mkdtempSync(join(tmpdir(), 'voicebox-two-'));
const database = join(dir, 'voicebox.db');
const started: ChildProcess[] = [];

type Server = { child: ChildProcess; port: number; out: () => string };

function server(port: number): Server {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			DATABASE_PATH: database,
			SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
			DUTY_MANAGER_EMAIL: 'duty.manager@northfield.example',
			BACKGROUND_LEASE_MS: '2000'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	started.push(child);
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	return { child, port, out: () => out };
}

async function until<T>(what: string, check: () => T | Promise<T>, ms = 20_000): Promise<NonNullable<T>> {
	const end = Date.now() + ms;
	for (;;) {
		try {
			const value = await check();
			if (value) return value;
		} catch {
			// not yet
		}
		if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

const holds = (s: Server) => s.out().includes('holds the lease');
const sent = async () =>
	(await (await fetch(`http://127.0.0.1:${MAIL_PORT}/emails`)).json()) as { to: string[]; subject: string }[];

afterAll(() => {
	for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

if (!BUILT) console.warn('multi-process.test.ts skipped: build/ is missing (run `npm run build` first)');
const TITLE = BUILT
	? 'two processes on one database'
	: 'two processes on one database: SKIPPED, build/ is missing (run `npm run build` first)';

describe.skipIf(!BUILT)(TITLE, { timeout: 60_000 }, () => {
	it('both answer pages, exactly one runs the background work, an email goes once, and the other takes over', async () => {
		started.push(
			spawn(process.execPath, ['tests/e2e/mail-sink.js'], {
				env: { ...process.env, SMTP_PORT: String(SMTP_PORT), HTTP_PORT: String(MAIL_PORT) },
				stdio: 'ignore'
			})
		);
		await until('the mail sink', sent);
		// Both at once on a new database file: both migrate it (one waits for the other).
		const servers = PORTS.map(server);
		for (const s of servers) {
			const page = await until(`the server on ${s.port}`, () => fetch(`http://127.0.0.1:${s.port}/signin`));
			expect(page.status, s.out()).toBe(200);
		}
		await until('a lease holder', () => servers.some(holds));
		// Several renewals later, still exactly one holder.
		await new Promise((r) => setTimeout(r, 1500));
		expect(servers.filter(holds), servers.map((s) => s.out()).join('\n---\n')).toHaveLength(1);
		const holder = servers.find(holds)!;
		const other = servers.find((s) => s !== holder)!;
		const sqlite = new Database(database);
		const lease = sqlite.prepare('select holder from leases where name = ?').get('background') as {
			holder: string;
		};
		expect(lease.holder).toContain(`:${holder.child.pid}:`);

		// An email waiting in the outbox; the holder stops, the other takes over and sends it once.
		sqlite
			.prepare(
				'insert into outbox (id, "to", subject, text, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?)'
			)
			.run('twoprocessemail', 'iro@northfield.example', 'Two processes', 'Sent once', Date.now(), Date.now());
		holder.child.kill('SIGTERM');
		await until('the other to take over', () => holds(other), 10_000);
		await until('the email', async () => (await sent()).some((e) => e.subject === 'Two processes'));
		await new Promise((r) => setTimeout(r, 1000));
		expect((await sent()).filter((e) => e.subject === 'Two processes')).toHaveLength(1);
		expect((await fetch(`http://127.0.0.1:${other.port}/signin`)).status).toBe(200);
		sqlite.close();
	});
});
