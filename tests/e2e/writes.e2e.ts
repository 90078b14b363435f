import { test, expect, signIn, BASE_URL } from './fixtures';
import { hydrated, messagesNamed, uniqueText } from './messages-helpers';
import { wholeCaseload } from './flow-helpers';
import type { Page } from '@playwright/test';

/**
 * One submission stores once: a double-clicked "Send", or the same form posted twice (a browser
 * resending it, no JavaScript), stores one message / one child and answers the same both times.
 */

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
	// The whole caseload, as "Show more" reaches it: a child with no meeting yet may be past the first page.
	await wholeCaseload(page);
	await expect(page.getByRole('link', { name })).toHaveCount(1);
});
