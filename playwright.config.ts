import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run against the production server (`node build` via scripts/demo.js) on a fresh
 * demo database. Playwright cannot download browsers here, so it drives Debian's Chromium.
 * Tests share one database, so they create the records they change and never depend on order.
 */
const PORT = Number(process.env.E2E_PORT || 4173);
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
	webServer: {
		command: 'node scripts/demo.js',
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), DATABASE_PATH: `data/e2e-${PORT}.db`, ORIGIN: `http://localhost:${PORT}` }
	}
});
