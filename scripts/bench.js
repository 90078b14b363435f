// Page timings against the built server with demo data: `npm run build && npm run bench`.
// Prints median and 95th-percentile response times for the pages children and IROs use most.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const PORT = process.env.PORT || '4400';
const BASE = `http://localhost:${PORT}`;
const ROUNDS = Number(process.env.ROUNDS || 200);
const db = 'data/bench.db';
for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true });

const server = spawn(process.execPath, ['scripts/start.js'], {
	env: {
		DUTY_MANAGER_EMAIL: 'duty.manager@northfield.example',
		...process.env,
		PORT,
		DATABASE_PATH: db,
		SEED_DEMO: '1',
		ORIGIN: BASE
	},
	stdio: 'ignore'
});
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(BASE)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

async function signIn(login) {
	const response = await fetch(`${BASE}/signin`, {
		method: 'POST',
		headers: { origin: BASE, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ login, password: 'voicebox demo 2026' }),
		redirect: 'manual'
	});
	return response.headers.get('set-cookie').split(';')[0];
}

async function time(path, cookie) {
	const samples = [];
	for (let i = 0; i < ROUNDS; i++) {
		const start = performance.now();
		const response = await fetch(BASE + path, { headers: cookie ? { cookie } : {} });
		await response.text();
		if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
	console.log(`${path.padEnd(12)} median ${at(0.5)} ms   p95 ${at(0.95)} ms   (${ROUNDS} requests)`);
}

await waitForServer();
const child = await signIn('sam');
const iro = await signIn('amina');
const manager = await signIn('manager');
await time('/signin');
await time('/me', child);
await time('/iro', iro);
await time('/manage', manager);
stop();
