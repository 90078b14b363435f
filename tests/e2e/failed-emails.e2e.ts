import { createRequire } from 'node:module';
import { test, expect, signIn } from './fixtures';
import { axeBothSizes } from './flow-helpers';

/**
 * Issue 14: an email given up on after its last attempt is listed for the manager on /manage/emails
 * (when, to whom, the subject, the attempts and the last error; never the body), 50 at a time, and
 * nobody else may open the page. The failed emails are written straight into the test server's
 * database (failing one for real takes 12 attempts over about 5 hours).
 */
const require = createRequire(import.meta.url);
const DATABASE = `data/e2e-${process.env.E2E_PORT || 4173}.db`;

function seedFailed(count: number) {
	const Database = require('better-sqlite3');
	const db = new Database(DATABASE);
	db.pragma('busy_timeout = 5000');
	const tag = Math.random().toString(36).slice(2, 8);
	const now = Date.now();
	const insert = db.prepare(
		`insert into outbox (id, "to", subject, text, created_at, attempts, next_attempt_at, last_error, failed_at)
		 values (?, ?, ?, ?, ?, 12, ?, ?, ?)`
	);
	db.transaction(() => {
		for (let i = 0; i < count; i++)
			insert.run(
				`failed-${tag}-${i}`,
				`nobody.${tag}.${i}@northfield.example`,
				'You have a new message in Voicebox',
				`body-${tag}: sign in to read it`,
				now - 6 * 3_600_000,
				now + 3_600_000,
				'Error: 550 5.1.1 mailbox unavailable',
				// The newest (i = 0) first on the page.
				now - i * 1000
			);
	})();
	db.close();
	return tag;
}

test('the manager sees the emails that could not be sent, a page at a time, without their body', async ({
	page,
	browser
}) => {
	const tag = seedFailed(51);
	await signIn(page, 'manager');
	await page.goto('/manage');
	await page.locator('a[href="/manage/emails"]').click();
	await expect(page).toHaveURL(/\/manage\/emails$/);
	const newest = page.locator('tr', { hasText: `nobody.${tag}.0@northfield.example` });
	await expect(newest).toContainText('You have a new message in Voicebox');
	await expect(newest).toContainText('550 5.1.1 mailbox unavailable');
	await expect(newest.locator('td').nth(2)).toHaveText('12');
	await expect(page.locator('table caption')).toHaveCount(1);
	await expect(page.locator('th[scope="col"]')).toHaveCount(5);
	await expect(page.locator('main')).not.toContainText(`body-${tag}`);
	// 50 a page: the oldest of these is behind "Show more", a plain link.
	const oldest = page.locator('tr', { hasText: `nobody.${tag}.50@northfield.example` });
	await expect(oldest).toHaveCount(0);
	await axeBothSizes(browser, page, '/manage/emails');
	await page.locator('.show-more a').click();
	await expect(page).toHaveURL(/shown=100/);
	await expect(oldest).toHaveCount(1);
});

for (const who of ['amina', 'sam']) {
	test(`${who} cannot open the manager's list of failed emails`, async ({ page }) => {
		await signIn(page, who);
		const response = await page.goto('/manage/emails');
		expect(response?.status()).toBe(404);
	});
}
