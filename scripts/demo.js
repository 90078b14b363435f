// Starts the built portal on a fresh demo database: `npm run demo` (after `npm install`).
// Environment: PORT (default 3000), DATABASE_PATH (default data/demo.db, deleted first),
// DUTY_MANAGER_EMAIL (default duty.manager@northfield.example), DPO_CONTACT (default
// data.protection@northfield.example).
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

const databasePath = process.env.DATABASE_PATH || 'data/demo.db';
for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, ['scripts/start.js'], {
	stdio: 'inherit',
	env: {
		...process.env,
		DATABASE_PATH: databasePath,
		SEED_DEMO: '1',
		PORT: port,
		ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
		// The built server needs a duty manager's address; the demo's is in the outbox (or the SMTP sink).
		DUTY_MANAGER_EMAIL: process.env.DUTY_MANAGER_EMAIL || 'duty.manager@northfield.example',
		// The demo council's data protection officer, named on the privacy notices (/privacy).
		DPO_CONTACT: process.env.DPO_CONTACT || 'data.protection@northfield.example'
	}
});
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
