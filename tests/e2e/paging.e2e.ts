import { createRequire } from 'node:module';
import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, setTextSize } from './fixtures';
import { newDevice, hydrated } from './flow-helpers';
import { CASELOAD, PAGE_SIZE, THREAD } from '../../src/lib/domain/paging';

/**
 * Issue 14: lists that grow come a page at a time (50; a thread's latest 20 messages), with "Show more"
 * (the inbox, the caseload) and "Show earlier messages" (a thread), plain links that work with JavaScript and without. The records
 * are written straight into the test server's database (a whole caseload through the forms would take
 * minutes): a new IRO with 55 children, each with a conversation, and one child with 60 messages.
 */
const require = createRequire(import.meta.url);
const DATABASE = `data/e2e-${process.env.E2E_PORT || 4173}.db`;
const DAY = 86_400_000;

function seed() {
	const Database = require('better-sqlite3');
	const db = new Database(DATABASE);
	db.pragma('busy_timeout = 5000');
	const tag = Math.random().toString(36).slice(2, 8);
	const hash = (login: string) =>
		db.prepare('select password_hash as h from users where username = ?').get(login).h;
	const now = Date.now();
	const iro = { id: `pg-iro-${tag}`, username: `pager.${tag}` };
	const child = { id: '', username: `pagekid.${tag}`, userId: `pg-kid-${tag}` };
	const user = db.prepare(
		`insert into users (id, role, username, password_hash, display_name, created_at, password_changed_at)
		 values (?, ?, ?, ?, ?, ?, ?)`
	);
	const addChild = db.prepare(
		`insert into children (id, user_id, iro_id, full_name, date_of_birth, status, start_date, created_at)
		 values (?, ?, ?, ?, '2012-03-04', 'cared_for', null, ?)`
	);
	const conversation = db.prepare(
		`insert into conversations (id, key, child_id, last_message_at, created_at) values (?, ?, ?, ?, ?)`
	);
	const message = db.prepare(
		`insert into messages (id, conversation_id, author_id, from_staff, body, urgent, created_at, read_at)
		 values (?, ?, ?, ?, ?, 0, ?, ?)`
	);
	db.transaction(() => {
		user.run(iro.id, 'iro', iro.username, hash('amina'), `Page Iro ${tag}`, now, now);
		user.run(child.userId, 'child', child.username, hash('sam'), 'Pat', now, now);
		for (let i = 0; i < PAGE_SIZE + 5; i++) {
			const childId = `pg-child-${tag}-${i}`;
			const first = i === 0;
			if (first) child.id = childId;
			addChild.run(
				childId,
				first ? child.userId : null,
				iro.id,
				`Pager ${tag} ${String(i).padStart(2, '0')}`,
				now
			);
			const conversationId = `pg-conv-${tag}-${i}`;
			// Long ago (they sort after everything other tests write), the child's thread the latest.
			const last = now - 400 * DAY - i * 60_000;
			conversation.run(conversationId, `${childId}:child`, childId, last, last);
			const messages = first ? PAGE_SIZE + 10 : 1;
			for (let m = 1; m <= messages; m++) {
				const at = last - (messages - m) * 60_000;
				const fromStaff = first ? m % 2 === 0 : true;
				message.run(
					`pg-msg-${tag}-${i}-${m}`,
					conversationId,
					fromStaff ? iro.id : child.userId,
					fromStaff ? 1 : 0,
					first ? `Paging message ${tag} number ${m}.` : 'Hello',
					at,
					at + 1000
				);
			}
		}
	})();
	db.close();
	return { tag, iro, child };
}

let seeded: ReturnType<typeof seed>;
test.beforeAll(() => {
	seeded = seed();
});
const messageText = (m: number) => `Paging message ${seeded.tag} number ${m}.`;

async function device(browser: Browser, login: string, javaScriptEnabled: boolean) {
	const { context, page } = await newDevice(browser, { javaScriptEnabled });
	await signIn(page, login);
	return { context, page };
}

/** Follows "Show more" (or "Show earlier messages"), which asks for `shown` rows. */
async function showMore(page: Page, name: string, javaScriptEnabled: boolean, shown = PAGE_SIZE * 2) {
	if (javaScriptEnabled) await hydrated(page);
	await page.getByRole('link', { name }).click();
	await expect(page).toHaveURL(new RegExp(`shown=${shown}\\b`));
}

for (const javaScriptEnabled of [true, false]) {
	const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

	test(`the IRO's inbox shows 50 and the caseload 25, then more with "Show more" (${how})`, async ({
		browser
	}) => {
		const { context, page } = await device(browser, seeded.iro.username, javaScriptEnabled);
		await page.goto('/iro/inbox');
		const items = page.locator('.inbox-item');
		await expect(items).toHaveCount(PAGE_SIZE);
		await showMore(page, 'Show more', javaScriptEnabled);
		await expect(items).toHaveCount(PAGE_SIZE + 5);
		await expect(page.getByRole('link', { name: 'Show more' })).toHaveCount(0);

		// The caseload's rows are taller: 25 a page (55 children: 25, 50, then all 55).
		await page.goto('/iro');
		const rows = page.getByRole('table').first().locator('tbody tr');
		await expect(rows).toHaveCount(CASELOAD.size);
		// The counts are of the whole caseload, not of the page.
		await expect(page.locator('.counts li').first()).toContainText(String(PAGE_SIZE + 5));
		await showMore(page, 'Show more', javaScriptEnabled, CASELOAD.size * 2);
		await expect(rows).toHaveCount(CASELOAD.size * 2);
		await showMore(page, 'Show more', javaScriptEnabled, CASELOAD.size * 3);
		await expect(rows).toHaveCount(PAGE_SIZE + 5);
		await expect(page.getByRole('link', { name: 'Show more' })).toHaveCount(0);
		await context.close();
	});

	test(`"Show more" from the keyboard lands on the first new child, not the top of the page (${how})`, async ({
		browser
	}) => {
		const { context, page } = await device(browser, seeded.iro.username, javaScriptEnabled);
		await page.goto('/iro');
		if (javaScriptEnabled) await hydrated(page);
		const rows = page.getByRole('table').first().locator('tbody tr');
		await page.getByRole('link', { name: 'Show more' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(new RegExp(`shown=${CASELOAD.size * 2}#shown-${CASELOAD.size + 1}$`));
		await expect(rows).toHaveCount(CASELOAD.size * 2);
		// With JavaScript, SvelteKit moves the starting point once the new rows are drawn (on a timer).
		if (javaScriptEnabled) await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
		// The next Tab reaches the first new row's child, as a sighted reader's eyes would.
		await page.keyboard.press('Tab');
		await expect(rows.nth(CASELOAD.size).getByRole('link').first()).toBeFocused();
		await context.close();
	});

	test(`a long thread shows its latest 20 messages, then 20 earlier ones at a time (${how})`, async ({
		browser
	}) => {
		const last = PAGE_SIZE + 10;
		const { context, page } = await device(browser, seeded.child.username, javaScriptEnabled);
		await page.goto('/me/messages');
		const thread = page.getByRole('list', { name: /messages/i });
		const shows = (m: number) => expect(thread.getByText(messageText(m), { exact: true })).toBeVisible();
		const hides = (m: number) => expect(thread.getByText(messageText(m), { exact: true })).toHaveCount(0);
		await shows(last);
		await shows(last - THREAD.size + 1);
		await hides(last - THREAD.size);
		await showMore(page, 'Show earlier messages', javaScriptEnabled, THREAD.size * 2);
		await shows(last - THREAD.size);
		await shows(last - 2 * THREAD.size + 1);
		await hides(last - 2 * THREAD.size);
		await showMore(page, 'Show earlier messages', javaScriptEnabled, THREAD.size * 3);
		await shows(1);
		await shows(last);
		await expect(page.getByRole('link', { name: 'Show earlier messages' })).toHaveCount(0);
		await context.close();

		// The IRO's side of the same conversation pages the same way.
		const iro = await device(browser, seeded.iro.username, javaScriptEnabled);
		await iro.page.goto(`/iro/conversations/pg-conv-${seeded.tag}-0`);
		await expect(iro.page.getByText(messageText(last - THREAD.size), { exact: true })).toHaveCount(0);
		await showMore(iro.page, 'Show earlier messages', javaScriptEnabled, THREAD.size * 2);
		await expect(iro.page.getByText(messageText(last - THREAD.size), { exact: true })).toBeVisible();
		await iro.context.close();
	});
}

test('the paged inbox and thread pass axe, in normal and large print', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, seeded.iro.username);
	for (const size of ['Normal', 'Large'] as const) {
		await page.goto('/iro/inbox');
		await setTextSize(page, size);
		await page.goto('/iro/inbox');
		await expectNoAxeViolations(page, `inbox, ${size}`);
		await page.goto(`/iro/conversations/pg-conv-${seeded.tag}-0`);
		await expectNoAxeViolations(page, `thread, ${size}`);
	}
});
