import { test, expect, signIn, BASE_URL } from './fixtures';
import { hydrated, uniqueText } from './messages-helpers';
import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';

/**
 * What is typed is never lost. If the database stays locked by another connection (a backup, a
 * maintenance script) for longer than a write waits, the page keeps the text and says to try again.
 * One submission stores once: a double-clicked "Send", or the same form posted twice (a browser
 * resending it, no JavaScript), stores one message / one child and answers the same both times.
 */

const DATABASE = `data/e2e-${process.env.E2E_PORT || 4173}.db`;

/** Another process takes the server database's write lock and keeps it for `ms`. */
async function holdWriteLock(ms: number): Promise<{ released: Promise<void> }> {
	const script = `
		const db = new (require('better-sqlite3'))(process.argv[1]);
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

async function tokenOf(page: Page, action = ''): Promise<string> {
	const form = page.locator(action ? `form[action="${action}"]` : 'form[method="post"]').last();
	return (await form.locator('input[name="submission"]').inputValue()) ?? '';
}

/** Posts a form as the browser would without JavaScript (same cookies, same origin). */
function post(page: Page, path: string, form: Record<string, string>) {
	return page.request.post(path, {
		form,
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
}

const messagesNamed = (page: Page, text: string) =>
	page.getByRole('list', { name: 'Messages, oldest first' }).getByRole('listitem').filter({ hasText: text });

test('a double-clicked Send stores the message once', async ({ page }) => {
	const text = uniqueText('Double click test');
	await signIn(page, 'sam');
	await page.goto('/me/messages');
	await hydrated(page);
	await page.getByLabel(/Your message to/).fill(text);
	await page.getByRole('button', { name: 'Send message' }).dblclick();
	await expect(page.getByText(/Your message has been sent/)).toBeVisible();
	await page.reload();
	await expect(messagesNamed(page, text)).toHaveCount(1);
});

test('the same message form posted twice without JavaScript stores once', async ({ page }) => {
	const text = uniqueText('Posted twice');
	await signIn(page, 'sam');
	await page.goto('/me/messages');
	const submission = await tokenOf(page);
	expect(submission).toMatch(/^[A-Za-z0-9_-]{16,}$/);
	const first = await post(page, '/me/messages', { body: text, submission });
	const second = await post(page, '/me/messages', { body: text, submission });
	expect(first.status()).toBe(200);
	expect(second.status()).toBe(200);
	await page.reload();
	await expect(messagesNamed(page, text)).toHaveCount(1);
	// A new message from the same page (the browser's Back button) is a new message, not a repeat.
	const other = uniqueText('Another thing');
	await post(page, '/me/messages', { body: other, submission });
	await page.reload();
	await expect(messagesNamed(page, other)).toHaveCount(1);
});

test('the same "add a child" form posted twice adds one child and goes to the same record', async ({
	page
}) => {
	const name = uniqueText('Twice Posted');
	await signIn(page, 'amina');
	await page.goto('/iro/children/new');
	const submission = await tokenOf(page);
	const fields = {
		submission,
		fullName: name,
		preferredName: '',
		dateOfBirth: '2015-05-04',
		status: 'cared_for',
		startDate: '2026-02-01',
		languages: '',
		communicationNeeds: ''
	};
	const first = await post(page, '/iro/children/new', fields);
	const second = await post(page, '/iro/children/new', fields);
	expect(first.status()).toBe(303);
	expect(second.headers()['location']).toBe(first.headers()['location']);
	await page.goto('/iro');
	await expect(page.getByRole('link', { name })).toHaveCount(1);
});

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
