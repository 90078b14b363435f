import { test, expect, signIn, BASE_URL } from './fixtures';
import { device, emailsSince, expectPrivate, hydrated, inboxItem, uniqueText } from './messages-helpers';

/**
 * "I don't feel safe": the urgent path works with JavaScript off, reaches the IRO and the duty
 * manager at once, and the emails say nothing about who or what. Then what children type that the
 * portal must refuse, or must show exactly as typed.
 * Both tests sign in as jordan (lock 'jordan': another test switches jordan to Urdu).
 */

const URGENT_SUBJECT = 'Urgent: a new message in Voicebox';

test(
	'a child without JavaScript says they don’t feel safe; the IRO and duty manager know at once',
	{
		lock: 'jordan'
	},
	async ({ page, browser }) => {
		const words = uniqueText('Someone at the flat is shouting and I am scared to go back.');
		const jordan = await browser.newContext({ javaScriptEnabled: false });
		const child = await jordan.newPage();
		await signIn(child, 'jordan');

		// The header link is on every child page.
		await child.goto('/me/messages');
		await child.getByRole('banner').getByRole('link', { name: 'I don’t feel safe' }).click();
		await expect(child).toHaveURL(/\/me\/safe$/);
		await expect(child.getByRole('heading', { level: 1, name: 'I don’t feel safe' })).toBeVisible();
		const help = child.getByRole('region', { name: 'If you need help right now' });
		await expect(help.getByRole('link', { name: '999', exact: true })).toHaveAttribute('href', 'tel:999');
		await expect(help.getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111');
		await expect(help.getByRole('link', { name: '0300 123 9999' })).toHaveAttribute(
			'href',
			'tel:03001239999'
		);

		// Nothing written: the form says what to do, and nothing is sent.
		const box = child.getByLabel('What is happening? You can write just a few words.');
		const send = child.getByRole('button', { name: 'Send urgent message' });
		await send.click();
		await expect(child.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(box).toHaveAccessibleDescription(/Write what is happening, even just a few words/);

		const since = Date.now();
		await box.fill(words);
		await send.click();
		// What Jordan reads names exactly who was emailed (tests/e2e/urgent.e2e.ts checks the rest).
		const receipt = child
			.getByRole('status')
			.filter({ has: child.getByRole('heading', { name: 'Your urgent message has been sent' }) });
		await expect(receipt.getByRole('listitem').filter({ hasText: 'your IRO, Ben Kowalski' })).toBeVisible();
		await expect(receipt.getByRole('listitem').filter({ hasText: 'the duty manager' })).toBeVisible();
		await expect(receipt.getByRole('link', { name: '999', exact: true })).toHaveAttribute('href', 'tel:999');

		// Ben's inbox: Jordan's conversation at the very top, marked urgent.
		await signIn(page, 'ben');
		await page.goto('/iro/inbox');
		const top = page.getByRole('main').getByRole('listitem').first();
		await expect(top.getByRole('link', { name: 'Jordan Smith', exact: true })).toBeVisible();
		await expect(top.getByText('Urgent', { exact: true })).toBeVisible();
		const href = (await top.getByRole('link').getAttribute('href'))!;
		expect(href).toMatch(/^\/iro\/conversations\/[^/]+$/);

		// The caseload flags Jordan's row (and only his) with "Urgent message".
		await page.goto('/iro');
		const jordanRow = page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: 'Jordan Smith', exact: true }) });
		await expect(jordanRow.getByRole('link', { name: 'Urgent message' })).toBeVisible();
		const kacperRow = page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: 'Kacper Nowak', exact: true }) });
		await expect(kacperRow).toBeVisible();
		await expect(kacperRow.getByRole('link', { name: 'Urgent message' })).toHaveCount(0);

		// Emails: to Ben and to the duty manager, at once, with a link and nothing private.
		const link = `${BASE_URL}${href}`;
		const emails = await emailsSince(since, (e) => e.subject === URGENT_SUBJECT && e.text.includes(link), 2);
		const to = emails.flatMap((e) => e.to);
		expect(to).toContain('ben.kowalski@northfield.example');
		expect(to).toContain('duty.manager@northfield.example');
		for (const email of emails) {
			expect(email.receivedAt - since, `${email.to} heard within 5 seconds`).toBeLessThan(5_000);
			expectPrivate(email, ['Jordan', 'Smith', words, 'shouting', 'scared']);
		}

		// Ben opens it: the message is marked urgent; once read, the caseload flag goes.
		await page
			.getByRole('row')
			.filter({ hasText: 'Jordan Smith' })
			.getByRole('link', { name: 'Urgent message' })
			.click();
		await expect(page).toHaveURL(/\/iro\/inbox\?child=/);
		await inboxItem(page, 'Jordan Smith').getByRole('link').click();
		const message = page
			.getByRole('list', { name: 'Messages, oldest first' })
			.getByRole('listitem')
			.filter({ hasText: words });
		await expect(message.getByText('Urgent', { exact: true })).toBeVisible();
		await page.goto('/iro');
		await expect(jordanRow).toBeVisible();
		await expect(jordanRow.getByRole('link', { name: 'Urgent message' })).toHaveCount(0);

		// Jordan sees the urgent message in the conversation, read by the IRO.
		await child.goto('/me/messages');
		const mine = child.getByRole('listitem').filter({ hasText: words });
		await expect(mine.getByText('Urgent', { exact: true })).toBeVisible();
		await expect(mine.getByText('Read', { exact: true })).toBeVisible();
		await jordan.close();
	}
);

test('too long, empty and HTML-looking messages', { lock: 'jordan' }, async ({ page, browser }) => {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	await signIn(page, 'jordan');
	await page.goto('/me/messages');
	await hydrated(page);
	const box = page.getByLabel('Your message to Ben Kowalski');
	const send = page.getByRole('button', { name: 'Send message' });
	const summary = page
		.getByRole('alert')
		.filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
	const thread = page.getByRole('list', { name: 'Messages, oldest first' });

	// 5001 characters: refused, with the limit in the summary and at the field; the text is kept.
	const tooLong = `${uniqueText('long')} ${'a'.repeat(5001)}`.slice(0, 5001);
	await box.fill(tooLong);
	await send.click();
	await expect(summary.getByRole('link', { name: 'Use 5000 characters or fewer' })).toBeVisible();
	await expect(box).toHaveAccessibleDescription(/Error: Use 5000 characters or fewer/);
	await expect(box).toHaveAttribute('aria-invalid', 'true');
	await expect(box).toHaveValue(tooLong);
	await summary.getByRole('link', { name: 'Use 5000 characters or fewer' }).click();
	await expect(box).toBeFocused();
	await expect(thread.getByText(tooLong.slice(0, 40))).toHaveCount(0);

	// Empty (or only spaces): refused.
	await box.fill('   \n  ');
	await send.click();
	await expect(summary.getByRole('link', { name: 'Write your message' })).toBeVisible();
	await expect(box).toHaveAccessibleDescription(/Error: Write your message/);

	// Exactly 5000 characters is fine.
	const longest = `${uniqueText('longest')} ${'b'.repeat(5000)}`.slice(0, 5000);
	await box.fill(longest);
	await send.click();
	await expect(page.getByText('Your message has been sent to Ben Kowalski.')).toBeVisible();
	await expect(summary).toHaveCount(0);
	await expect(thread.getByText(longest.slice(0, 40))).toBeVisible();
	await expect(box).toHaveValue('');

	// Looks like HTML and a link: shown as plain text, nothing runs, nothing to click.
	const tag = uniqueText('bold?');
	const html = `<script>alert(1)</script> https://example.com <b>${tag}</b>\nsecond line`;
	await box.fill(html);
	await send.click();
	await expect(page.getByText('Your message has been sent to Ben Kowalski.')).toBeVisible();
	const shown = thread.getByRole('listitem').filter({ hasText: tag });
	await expect(shown.getByText(html.split('\n')[0])).toBeVisible();
	expect(await shown.getByText(html.split('\n')[0]).innerText()).toBe(html);
	await expect(page.getByRole('link', { name: /example\.com/ })).toHaveCount(0);
	await expect(page.locator('a[href*="example.com"]')).toHaveCount(0);
	await expect(page.locator('main b, main script')).toHaveCount(0);

	// The IRO sees exactly the same.
	const ben = await device(browser, 'ben');
	await ben.page.goto('/iro/inbox');
	await inboxItem(ben.page, 'Jordan Smith').getByRole('link').click();
	const received = ben.page.getByText(html.split('\n')[0]);
	await expect(received).toBeVisible();
	expect(await received.innerText()).toBe(html);
	await expect(ben.page.locator('a[href*="example.com"]')).toHaveCount(0);
	expect(dialogs).toEqual([]);
	await ben.context.close();
});
