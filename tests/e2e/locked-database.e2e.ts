import { test, expect, signIn } from './fixtures';
import { hydrated, messagesNamed, uniqueText } from './messages-helpers';
import { spawn } from 'node:child_process';

/**
 * What is typed is never lost. If the database stays locked by another connection (a backup, a
 * maintenance script) for longer than a write waits, the page keeps the text and says to try again.
 *
 * While the lock is held every write on the server fails, so these tests run alone, after all the
 * others, one after the other (the "locked database" project in playwright.config.ts).
 */

const DATABASE = `data/e2e-${process.env.E2E_PORT || 4173}.db`;

/** Another process takes the server database's write lock and keeps it for `ms`. */
async function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
	const script = `
		const db = new (require('better-sqlite3'))(process.argv[1]);
		db.pragma('busy_timeout = 60000');
		db.exec('BEGIN IMMEDIATE');
		process.stdout.write('locked\\n');
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
		db.exec('COMMIT');
	`;
	const holder = spawn(process.execPath, ['-e', script, DATABASE, String(ms)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const done = new Promise<void>((resolve) => holder.on('exit', () => resolve()));
	await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
	return { released: done };
}

const NOT_SAVED = 'Sorry, that did not save. Please try again.';

for (const javaScript of [true, false]) {
	test(`a message sent while the database stays locked keeps its text and says to try again (${
		javaScript ? 'with' : 'without'
	} JavaScript)`, async ({ browser }) => {
		test.setTimeout(90_000);
		const context = await browser.newContext({ javaScriptEnabled: javaScript });
		const page = await context.newPage();
		const text = uniqueText('Typed during a long backup');
		await signIn(page, 'sam');
		await page.goto('/me/messages');
		if (javaScript) await hydrated(page);
		const box = page.getByLabel(/Your message to/);
		await box.fill(text);
		const { released } = await holdWriteLock(7000);
		await page.getByRole('button', { name: 'Send message' }).click();
		await expect(page.getByRole('alert')).toContainText(NOT_SAVED, { timeout: 20_000 });
		await expect(box).toHaveValue(text);
		await released;
		await page.getByRole('button', { name: 'Send message' }).click();
		await expect(page.getByText(/Your message has been sent/)).toBeVisible();
		await expect(messagesNamed(page, text)).toHaveCount(1);
		await context.close();
	});
}
