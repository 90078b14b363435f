import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run against the production server (`node build` via scripts/demo.js) on a fresh
 * demo database. Playwright cannot download browsers here, so it drives Debian's Chromium.
 * Tests share one database, so they create the records they change and never depend on order.
 */
const PORT = Number(process.env.E2E_PORT || 4173);
const SMTP_PORT = PORT + 1000;
const MAIL_HTTP_PORT = PORT + 1001;
const isCI = Boolean(process.env.CI);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	reporter: isCI ? [['list']] : [['list']],
	timeout: 60_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'everything', testIgnore: '**/locked-database.e2e.ts' },
		{
			// While one of these holds the database's write lock every write fails, so they run alone,
			// after all the others, one after the other.
			name: 'locked database',
			testMatch: '**/locked-database.e2e.ts',
			dependencies: ['everything'],
			fullyParallel: false
		}
	],
	webServer: [
		{
			// A real SMTP server that keeps what it receives, for the notification tests.
			command: 'node tests/e2e/mail-sink.js',
			url: `http://127.0.0.1:${MAIL_HTTP_PORT}/emails`,
			reuseExistingServer: false,
			env: { SMTP_PORT: String(SMTP_PORT), HTTP_PORT: String(MAIL_HTTP_PORT) }
		},
		{
			command: 'node scripts/demo.js',
			url: `http://localhost:${PORT}/`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: {
				PORT: String(PORT),
				DATABASE_PATH: `data/e2e-${PORT}.db`,
				ORIGIN: `http://localhost:${PORT}`,
				SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
				DUTY_MANAGER_EMAIL: 'duty.manager@northfield.example',
				// The server trusts X-Forwarded-For here, so tests can sign in from several addresses
				// (a request without it is judged by its socket address).
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			}
		}
	]
});
