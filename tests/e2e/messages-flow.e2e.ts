import { test, expect, signIn } from './fixtures';
import {
	device,
	emailsSince,
	expectPrivate,
	hydrated,
	inboxItem,
	messagesNavLink,
	t,
	uniqueText,
	unreadPattern,
	withCarer
} from './messages-helpers';

/**
 * "Talking with my IRO": a child and their IRO write to each other; a carer's conversation about a
 * child is kept apart from the child's own. Kacper's portal is in Polish, so his side is checked in
 * Polish (strings from locales/pl); the IROs' side in English.
 */

const pl = (namespace: string, key: string, params: Record<string, string> = {}) =>
	t('pl', namespace, key, params);
const TODAY_EN = /today at \d{1,2}:\d{2}/;
const TODAY_PL = new RegExp(
	`${new Intl.RelativeTimeFormat('pl', { numeric: 'auto' }).format(0, 'day')} o \\d{1,2}:\\d{2}`
);

test(
	'a child writes to their IRO, who reads it and replies, and the child sees the reply',
	{
		lock: 'kacper'
	},
	async ({ page, browser }) => {
		const question = uniqueText('Can my review be after my exam on Friday?');
		const answer = uniqueText('Yes Kacper, we can meet after your exam.');

		// Kacper writes to Ben.
		await signIn(page, 'kacper');
		await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
		await messagesNavLink(page, 'pl').click();
		await expect(page.getByRole('heading', { level: 1, name: pl('messages', 'child.title') })).toBeVisible();
		await expect(page.getByText(pl('messages', 'replyTime'))).toBeVisible();
		await hydrated(page);
		const box = page.getByLabel(pl('messages', 'child.label', { name: 'Ben Kowalski' }));
		await box.fill(question);
		await page.getByRole('button', { name: pl('messages', 'send') }).click();
		await expect(page.getByText(pl('messages', 'sent', { name: 'Ben Kowalski' }))).toBeVisible();
		await expect(box).toHaveValue('');
		const thread = page.getByRole('list', { name: pl('messages', 'threadLabel') });
		const mine = thread.getByRole('listitem').filter({ hasText: question });
		await expect(mine).toContainText(pl('messages', 'you'));
		await expect(mine).toContainText(TODAY_PL);
		await expect(mine.getByText(pl('messages', 'notRead'), { exact: true })).toBeVisible();

		// Ben sees it as unread in his inbox, opens it (reads it) and replies.
		const ben = await device(browser, 'ben');
		await messagesNavLink(ben.page).click();
		await expect(ben.page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
		const item = inboxItem(ben.page, 'Kacper Nowak');
		await expect(item).toContainText(/\d+ unread messages?/);
		const conversation = (await item.getByRole('link').getAttribute('href'))!;
		await item.getByRole('link', { name: 'Kacper Nowak' }).click();
		await expect(
			ben.page.getByRole('heading', { level: 1, name: 'Messages with Kacper Nowak' })
		).toBeVisible();
		const staffThread = ben.page.getByRole('list', { name: 'Messages, oldest first' });
		const received = staffThread.getByRole('listitem').filter({ hasText: question });
		await expect(received).toContainText('Kacper');
		await expect(received).toContainText(TODAY_EN);
		await hydrated(ben.page);
		await ben.page.getByLabel('Your reply').fill(answer);
		await ben.page.getByRole('button', { name: 'Send message' }).click();
		await expect(ben.page.getByText('Your reply has been sent.')).toBeVisible();
		const sent = staffThread.getByRole('listitem').filter({ hasText: answer });
		await expect(sent).toContainText('You');
		await expect(sent.getByText('Not read yet', { exact: true })).toBeVisible();
		await ben.page.goto('/iro/inbox');
		await expect(item).toBeVisible();
		await expect(item).not.toContainText('unread');

		// Kacper's header shows that something new came in; opening Messages shows the reply.
		await page.goto('/me');
		await expect(messagesNavLink(page, 'pl')).toHaveAccessibleName(unreadPattern('pl'));
		await messagesNavLink(page, 'pl').click();
		const reply = thread.getByRole('listitem').filter({ hasText: answer });
		await expect(reply).toContainText(pl('messages', 'yourIro', { name: 'Ben Kowalski' }));
		await expect(mine.getByText(pl('messages', 'read'), { exact: true })).toBeVisible();
		// Read now: the count has gone, on this page and on the next.
		await expect(messagesNavLink(page, 'pl')).not.toHaveAccessibleName(unreadPattern('pl'));
		await page
			.getByRole('navigation', { name: pl('common', 'nav.label') })
			.getByRole('link', { name: pl('common', 'nav.myHome') })
			.click();
		await expect(page).toHaveURL(/\/me$/);
		await expect(messagesNavLink(page, 'pl')).not.toHaveAccessibleName(unreadPattern('pl'));
		await page.reload();
		await expect(messagesNavLink(page, 'pl')).not.toHaveAccessibleName(unreadPattern('pl'));

		// Ben sees his reply has been read, and can mark the conversation as done (and undo it).
		await ben.page.goto(conversation);
		await expect(sent.getByText('Read', { exact: true })).toBeVisible();
		await hydrated(ben.page);
		await ben.page.getByRole('button', { name: 'Mark as done' }).click();
		await expect(ben.page.getByRole('button', { name: 'Mark as not done' })).toBeVisible();
		await ben.page.goto('/iro/inbox');
		await expect(item.getByText('Done', { exact: true })).toBeVisible();
		await item.getByRole('link').click();
		await hydrated(ben.page);
		await ben.page.getByRole('button', { name: 'Mark as not done' }).click();
		await expect(ben.page.getByRole('button', { name: 'Mark as done' })).toBeVisible();
		await ben.context.close();
	}
);

test('a carer’s conversation about a child is kept apart from the child’s own', async ({ page, browser }) => {
	const note = uniqueText('Sam has a dentist appointment on the morning of the review.');
	const answer = uniqueText('Thank you Helen, I will move the review to the afternoon.');

	// Helen writes to Amina about Sam.
	await signIn(page, 'helen');
	await page.getByRole('link', { name: 'Messages about Sam', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Messages about Sam' })).toBeVisible();
	const samId = new URL(page.url()).pathname.split('/')[3];
	await hydrated(page);
	await page.getByLabel('Your message to Amina Rahman').fill(note);
	await page.getByRole('button', { name: 'Send message' }).click();
	await expect(page.getByText('Your message has been sent to Amina Rahman.')).toBeVisible();
	const thread = page.getByRole('list', { name: 'Messages, oldest first' });
	await expect(thread.getByRole('listitem').filter({ hasText: note })).toContainText('Not read yet');

	// Amina has two conversations about Sam: one with Helen (with the note), one with Sam (without).
	const amina = await device(browser, 'amina');
	await amina.page.goto('/iro/inbox');
	const withHelen = inboxItem(amina.page, withCarer('Samuel Carter', 'Helen Price'));
	const withSam = inboxItem(amina.page, 'Samuel Carter');
	await expect(withHelen).toContainText('Conversation with a parent or carer');
	await expect(withSam).toContainText('Conversation with the child');
	const helenHref = await withHelen.getByRole('link').getAttribute('href');
	const samHref = await withSam.getByRole('link').getAttribute('href');
	expect(helenHref).not.toBe(samHref);
	await amina.page.goto(samHref!);
	await expect(
		amina.page.getByRole('heading', { level: 1, name: 'Messages with Samuel Carter' })
	).toBeVisible();
	await expect(amina.page.getByRole('list', { name: 'Messages, oldest first' })).toBeVisible();
	await expect(amina.page.getByText(note)).toHaveCount(0);
	await amina.page.goto(helenHref!);
	await expect(
		amina.page.getByRole('heading', { level: 1, name: 'Messages with Helen Price about Samuel Carter' })
	).toBeVisible();
	await expect(amina.page.getByText(note)).toBeVisible();

	// Sam's own messages do not show what Helen wrote.
	const sam = await device(browser, 'sam');
	await sam.page.goto('/me/messages');
	await expect(sam.page.getByRole('list', { name: 'Messages, oldest first' })).toContainText(
		'Amina Rahman (your IRO)'
	);
	await expect(sam.page.getByText(note)).toHaveCount(0);

	// Amina replies; Helen hears by email, without the child's name or the message.
	await hydrated(amina.page);
	const since = Date.now();
	await amina.page.getByLabel('Your reply').fill(answer);
	await amina.page.getByRole('button', { name: 'Send message' }).click();
	await expect(amina.page.getByText('Your reply has been sent.')).toBeVisible();
	const [email] = await emailsSince(since, (e) => e.to.includes('helen.price@example.com'));
	expect(email.subject).toBe('You have a new message in Voicebox');
	expect(email.text).toContain(`/carer/children/${samId}/messages`);
	expectPrivate(email, [/\bSam\b/, 'Samuel', 'Carter', note, answer, 'dentist', 'afternoon']);

	// Helen sees the reply, and that Amina read her note; Sam still sees neither.
	await page.reload();
	await expect(thread.getByRole('listitem').filter({ hasText: answer })).toContainText(
		'Amina Rahman (Sam’s IRO)'
	);
	await expect(
		thread.getByRole('listitem').filter({ hasText: note }).getByText('Read', { exact: true })
	).toBeVisible();
	await sam.page.reload();
	await expect(sam.page.getByRole('list', { name: 'Messages, oldest first' })).toBeVisible();
	await expect(sam.page.getByText(answer)).toHaveCount(0);
	await expect(sam.page.getByText(note)).toHaveCount(0);
	await Promise.all([amina.context.close(), sam.context.close()]);
});
