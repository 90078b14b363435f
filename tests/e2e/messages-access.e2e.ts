import type { Page } from '@playwright/test';
import { test, expect, signIn, BASE_URL } from './fixtures';
import { conversationId, device, hydrated, uniqueText, withCarer } from './messages-helpers';

/**
 * Who may read which conversation, as people would try it: by typing an address they saw or
 * guessed. Anything that is not yours answers 404 (as if it did not exist) and shows none of it.
 */

async function expectNotFound(page: Page, path: string, secret?: string) {
	const response = await page.goto(path);
	expect(response?.status(), `${path} should be 404`).toBe(404);
	if (secret) await expect(page.getByText(secret)).toHaveCount(0);
}

async function postReply(page: Page, path: string, body: string) {
	return page.request.post(`${path}?/reply`, {
		form: { body },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
}

// Lock 'kacper': ben opens Kacper's conversation at the end, which marks it read.
test(
	'a child, a carer and another IRO cannot read a conversation that is not theirs',
	{
		lock: 'kacper'
	},
	async ({ page, browser }) => {
		const secret = uniqueText('Sam to Amina only: I want to talk about my brother.');

		// Sam writes something only he and Amina should read.
		const sam = await device(browser, 'sam');
		await sam.page.goto('/me/messages');
		await hydrated(sam.page);
		await sam.page.getByLabel('Your message to Amina Rahman').fill(secret);
		await sam.page.getByRole('button', { name: 'Send message' }).click();
		await expect(sam.page.getByText('Your message has been sent to Amina Rahman.')).toBeVisible();

		// Amina finds the conversations in her inbox, and can read Sam's message.
		await signIn(page, 'amina');
		const samConversation = await conversationId(page, 'Samuel Carter');
		const helenConversation = await conversationId(page, withCarer('Samuel Carter', 'Helen Price'));
		await page.goto(`/iro/conversations/${samConversation}`);
		await expect(page.getByText(secret)).toBeVisible();

		// Ben, another IRO: not in his inbox, and 404 at the address, for reading and for replying.
		const ben = await device(browser, 'ben');
		const kacperConversation = await conversationId(ben.page, 'Kacper Nowak');
		await ben.page.goto('/iro');
		const kacperId = (await ben.page
			.getByRole('link', { name: 'Kacper Nowak', exact: true })
			.getAttribute('href'))!
			.split('/')
			.pop();
		await expect(ben.page.getByRole('link', { name: /Samuel Carter/ })).toHaveCount(0);
		await expectNotFound(ben.page, `/iro/conversations/${samConversation}`, secret);
		await expectNotFound(ben.page, `/iro/conversations/${helenConversation}`);
		const benReply = uniqueText('Ben should not be able to write here');
		expect((await postReply(ben.page, `/iro/conversations/${samConversation}`, benReply)).status()).toBe(404);

		// Sam: no inbox, no conversation pages, his own or Kacper's, and cannot reply through them.
		await expectNotFound(sam.page, '/iro/inbox');
		await expectNotFound(sam.page, `/iro/conversations/${samConversation}`, secret);
		await expectNotFound(sam.page, `/iro/conversations/${kacperConversation}`);
		await expectNotFound(sam.page, `/iro/conversations/${helenConversation}`);
		const samReply = uniqueText('Sam posting into Kacper’s conversation');
		expect((await postReply(sam.page, `/iro/conversations/${kacperConversation}`, samReply)).status()).toBe(
			404
		);

		// Helen, Sam's foster carer: her own conversation about Sam, never Sam's own messages.
		const helen = await device(browser, 'helen');
		await helen.page.getByRole('link', { name: 'Messages about Sam', exact: true }).click();
		await expect(helen.page.getByRole('heading', { level: 1, name: 'Messages about Sam' })).toBeVisible();
		await expect(helen.page.getByRole('list', { name: 'Messages, oldest first' })).toBeVisible();
		await expect(helen.page.getByText(secret)).toHaveCount(0);
		await expect(helen.page.getByText('Hi Amina, can we talk about family time')).toHaveCount(0);
		await expectNotFound(helen.page, '/me/messages', secret);
		await expectNotFound(helen.page, '/iro/inbox');
		await expectNotFound(helen.page, `/iro/conversations/${samConversation}`, secret);
		await expectNotFound(helen.page, `/carer/children/${kacperId}/messages`);

		// None of those attempts left a message behind.
		await page.goto(`/iro/conversations/${samConversation}`);
		await expect(page.getByText(secret)).toBeVisible();
		await expect(page.getByText(benReply)).toHaveCount(0);
		await ben.page.goto(`/iro/conversations/${kacperConversation}`);
		await expect(
			ben.page.getByRole('heading', { level: 1, name: 'Messages with Kacper Nowak' })
		).toBeVisible();
		await expect(ben.page.getByText(samReply)).toHaveCount(0);
		await Promise.all([sam.context.close(), ben.context.close(), helen.context.close()]);
	}
);
