// The speed benchmark (issues 12 and 14): `npm run build && npm run bench`. Not part of `npm test`.
//
// For the demo council and a large one (5,000 children, 57 IROs, 1,000,000 messages over three years,
// 10 years of six-monthly reviews held and written up; scripts/bench-seed.js), it starts the built
// server (scripts/start.js) on each database and times every page of issue 14's table, the pack and
// the reports page (one year and ten years), at concurrency 1 and 20, as ratios to a static file served
// by the same server in the same run, once every page has been asked WARM_UP times. It also reads the longest event-loop block during each page's
// run, one request at a time and at 20 at once (measured inside the server: BENCH_EVENT_LOOP=1) and the HTML bytes of each page, and prints a
// markdown table with the date and the machine.
//
// Environment: BENCH_SCALE=national (110,000 children, 2 years of reviews: proves every page answers),
// BENCH_SECONDS (time budget per page and concurrency, default 3), PORT (default 4400), BENCH_ONLY (a
// pattern: only the pages whose label matches it, and the static file, e.g. BENCH_ONLY=reports).
import { spawn } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { seedLargeCouncil } from './bench-seed.js';

const PORT = Number(process.env.PORT || 4400);
const BASE = `http://localhost:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS || 3);
const SCALE = process.env.BENCH_SCALE === 'national' ? 'national' : 'large';
const PASSWORD = 'voicebox demo 2026';
const COUNCILS = {
	large: { children: 5_000, iros: 55, messages: 1_000_000, reviewYears: 10 },
	national: { children: 110_000, iros: 1_500, messages: 1_000_000, reviewYears: 2 }
};
const DAY = 86_400_000;
/** How many times each page is asked before any is timed (a warm server). */
const WARM_UP = 150;

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let server = null;
process.on('exit', () => server?.kill());

function startServer(db) {
	server = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			DUTY_MANAGER_EMAIL: 'duty.manager@northfield.example',
			...process.env,
			PORT: String(PORT),
			DATABASE_PATH: db,
			SEED_DEMO: '1',
			ORIGIN: BASE,
			BENCH_EVENT_LOOP: '1'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return waitForServer();
}

async function stopServer() {
	if (!server) return;
	const exited = new Promise((r) => server.once('exit', r));
	// A throwaway database: no need to wait for kept-alive sockets to close.
	server.kill('SIGKILL');
	await exited;
	server = null;
}

async function waitForServer() {
	for (let i = 0; i < 600; i++) {
		try {
			if ((await request('/signin')).status === 200) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

/** One GET as a browser sends it (compressed answers accepted); the status, the bytes sent and the body. */
async function request(path, cookie) {
	try {
		return await requestOnce(path, cookie);
	} catch (error) {
		// A kept-alive socket the server closed as we reused it: once more, on a new one.
		if (error.code === 'ECONNRESET') return requestOnce(path, cookie);
		throw error;
	}
}

function requestOnce(path, cookie) {
	return new Promise((resolve, reject) => {
		const req = http.get(
			BASE + path,
			{
				agent,
				headers: { accept: 'text/html', 'accept-encoding': 'br, gzip', ...(cookie ? { cookie } : {}) }
			},
			(res) => {
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						encoding: res.headers['content-encoding'],
						body: Buffer.concat(chunks)
					})
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
	});
}

function htmlBytes(r) {
	if (r.encoding === 'br') return brotliDecompressSync(r.body).length;
	if (r.encoding === 'gzip') return gunzipSync(r.body).length;
	return r.body.length;
}

async function signIn(login) {
	const response = await fetch(`${BASE}/signin`, {
		method: 'POST',
		headers: { origin: BASE, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ login, password: PASSWORD }),
		redirect: 'manual'
	});
	const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (!cookies.length) throw new Error(`could not sign in as ${login}: ${response.status}`);
	return cookies.join('; ');
}

const eventLoop = async () => JSON.parse((await request('/__bench/event-loop')).body.toString()).maxMs;

/** Requests `path` with `concurrency` in flight until the time budget (or `max` requests) is spent. */
async function load(path, cookie, concurrency, max) {
	const samples = [];
	const started = performance.now();
	const deadline = started + SECONDS * 1000;
	let sent = 0;
	const worker = async () => {
		while (sent < max && (performance.now() < deadline || sent < concurrency)) {
			sent++;
			const t = performance.now();
			const r = await request(path, cookie);
			if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
			samples.push(performance.now() - t);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const elapsed = (performance.now() - started) / 1000;
	samples.sort((a, b) => a - b);
	const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
	return { n: samples.length, rps: samples.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

async function measure(label, path, cookie) {
	await eventLoop();
	const first = await request(path, cookie);
	if (first.status !== 200) throw new Error(`${label} (${path}): ${first.status}`);
	await request(path, cookie);
	const c1 = await load(path, cookie, 1, 200);
	// One request at a time (the first ones included, which may work out what later ones keep): how
	// long one request held the event loop. At 20 at once the loop also runs waiting requests back to back.
	const blockMs = await eventLoop();
	// A page slower than a second a request is not run at 20 at once (it would take minutes).
	const c20 = c1.p50 > 1000 ? null : await load(path, cookie, 20, 1000);
	return {
		label,
		path,
		bytes: htmlBytes(first),
		c1,
		c20,
		blockMs,
		block20Ms: c20 ? await eventLoop() : null
	};
}

function isoDaysAgo(days) {
	return new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
}

/** The demo child's next meeting: its pack. */
function packMeeting(db) {
	const sqlite = new Database(db, { readonly: true });
	const row = sqlite
		.prepare(
			`select m.id from meetings m join children c on c.id = m.child_id join users u on u.id = c.user_id
			 where u.username = 'sam' and m.cancelled_at is null and m.starts_at > ? order by m.starts_at limit 1`
		)
		.get(Date.now());
	sqlite.close();
	return row.id;
}

async function runCouncil(name, db, seed) {
	for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });
	await startServer(db);
	let seeded = null;
	if (seed) {
		await stopServer();
		seeded = seedLargeCouncil(db, seed);
		console.error(
			`${name}: seeded ${seeded.children} children, ${seeded.iros} IROs, ${seeded.meetings} meetings, ${seeded.messages} messages in ${seeded.seconds.toFixed(1)} s`
		);
		await startServer(db);
	}
	const child = await signIn('sam');
	const iro = await signIn('amina');
	const manager = await signIn('manager');
	const pack = packMeeting(db);
	const today = isoDaysAgo(0);
	const pages = [
		['static file (/favicon.svg)', '/favicon.svg', undefined],
		['sign-in page', '/signin', undefined],
		['child: home (/me)', '/me', child],
		['child: My say', '/me/say', child],
		["child: messages (sam's thread)", '/me/messages', child],
		['IRO: caseload (/iro)', '/iro', iro],
		['IRO: inbox', '/iro/inbox', iro],
		['IRO: the pack', `/iro/meetings/${pack}`, iro],
		['manager: overview (/manage)', '/manage', manager],
		['manager: inbox', '/iro/inbox', manager],
		[
			'manager: reports, one year',
			`/manage/reports?period=custom&from=${isoDaysAgo(364)}&to=${today}`,
			manager
		],
		[
			'manager: reports, ten years',
			`/manage/reports?period=custom&from=${isoDaysAgo(3652)}&to=${today}`,
			manager
		]
	];
	const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
	const measured = pages.filter(([label, path]) => !only || path === '/favicon.svg' || only.test(label));
	// A warm server: every page asked WARM_UP times before any is timed. Without it, the pages timed
	// first also pay for V8 compiling the code every page shares (sessions, the layout, rendering),
	// which a server that has been running for a minute has long done.
	process.stderr.write(`${name}: warming up … `);
	for (const [, path, cookie] of measured) for (let i = 0; i < WARM_UP; i++) await request(path, cookie);
	process.stderr.write('done\n');
	const results = [];
	for (const [label, path, cookie] of measured) {
		process.stderr.write(`${name}: ${label} … `);
		const r = await measure(label, path, cookie);
		process.stderr.write(`${r.c1.p50.toFixed(1)} ms\n`);
		results.push(r);
	}
	await stopServer();
	return { name, seeded, results };
}

function table({ name, seeded, results }) {
	const base = results[0];
	const x = (v, b) => `${(v / b).toFixed(1)}×`;
	const ms = (v) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
	const lines = [
		`### ${name}${seeded ? ` (${seeded.children.toLocaleString('en')} children, ${seeded.messages.toLocaleString('en')} messages, ${seeded.meetings.toLocaleString('en')} meetings; seeded in ${seeded.seconds.toFixed(0)} s)` : ''}`,
		'',
		'| page | HTML bytes | c=1 p50 | c=1 p99 | c=20 req/s | c=20 p50 | c=20 p99 | longest block, c=1 | c=20 |',
		'|---|---|---|---|---|---|---|---|---|'
	];
	for (const r of results) {
		const ratio = r === base;
		const c20 = r.c20
			? `${r.c20.rps.toFixed(0)}${ratio ? '' : ` (${x(base.c20.rps, r.c20.rps)})`} | ${ms(r.c20.p50)} ms${ratio ? '' : ` (${x(r.c20.p50, base.c20.p50)})`} | ${ms(r.c20.p99)} ms${ratio ? '' : ` (${x(r.c20.p99, base.c20.p99)})`}`
			: 'not run (over 1 s a request) | | ';
		const block20 = r.block20Ms === null ? '' : `${ms(r.block20Ms)} ms`;
		lines.push(
			`| ${r.label} | ${r.bytes.toLocaleString('en')} | ${ms(r.c1.p50)} ms${ratio ? '' : ` (${x(r.c1.p50, base.c1.p50)})`} | ${ms(r.c1.p99)} ms${ratio ? '' : ` (${x(r.c1.p99, base.c1.p99)})`} | ${c20} | ${ms(r.blockMs)} ms | ${block20} |`
		);
	}
	return lines.join('\n');
}

mkdirSync('data', { recursive: true });
const startLoad = os.loadavg()[0].toFixed(1);
const runs = [await runCouncil('demo council', 'data/bench-demo.db', null)];
runs.push(await runCouncil(`${SCALE} council`, `data/bench-${SCALE}.db`, COUNCILS[SCALE]));
const cpus = os.cpus();
console.log(`## Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log('');
console.log(
	`Machine: ${cpus.length} cores (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}; ` +
		`load average at the start ${startLoad}, at the end ${os.loadavg()[0].toFixed(1)} (other work on the machine slows every page alike; the ratios to the static file soften it). ` +
		`Each page for ${SECONDS} s (or 200 requests) at concurrency 1, then ${SECONDS} s (or 1,000) at 20, on a warm server (every page asked ${WARM_UP} times first, then two more requests of the page). ` +
		'Times in ms; in brackets, the ratio to the static file at the same concurrency (req/s: how many times fewer). ' +
		'"Longest block": the longest event-loop delay inside the server while that page was measured, one request at a time ' +
		'(from the first request, which may work out what later ones keep), and at 20 at once (where it also counts requests run back to back).'
);
for (const run of runs) console.log(`\n${table(run)}`);
agent.destroy();
