import { readFileSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { expect, signIn, sentEmails, BASE_URL, type Email } from './fixtures';

/**
 * Helpers for the "Talking with my IRO" tests (tests/e2e/messages*.e2e.ts).
 * Tests share one database with each other and with other files, so every test writes messages with
 * a unique text and looks for those, never for counts or order it does not control itself.
 * Tests that change an account's settings, or read a conversation others check as unread, take a
 * Playwright lock with that name so that they never run at the same time as each other:
 *  - 'jordan': signs in as jordan, changes jordan's settings or reads Jordan's conversation;
 *  - 'kacper': sends in, or reads, Kacper's conversation with ben;
 *  - 'ben-display' and 'farida': change ben's or farida's display settings.
 */

let counter = 0;
/** A text nobody else will write: "label 1745…-1". */
export function uniqueText(label: string): string {
	counter += 1;
	return `${label} ${Date.now()}-${Math.floor(Math.random() * 1e6)}-${counter}`;
}

/** A new browser context (another device) with a page, signed in as `login`. */
export async function device(browser: Browser, login: string, options: BrowserContextOptions = {}) {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signIn(page, login);
	return { context, page };
}

export { hydrated } from './flow-helpers';

/** A locale's strings, read from locales/<lang>/<namespace>.json, e.g. t('pl','messages','read'). */
export function t(lang: string, namespace: string, key: string, params: Record<string, string> = {}) {
	const json = JSON.parse(readFileSync(`locales/${lang}/${namespace}.json`, 'utf8'));
	const value = key.split('.').reduce((node, part) => node?.[part], json);
	if (typeof value !== 'string') throw new Error(`no string ${lang}/${namespace}:${key}`);
	return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`);
}

const form = (page: Page, path: string, data: Record<string, string>) =>
	page.request.post(path, {
		form: { ...data, returnTo: '/' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});

/** Display settings for the signed-in account (jordan, ben or farida only). */
/** Language for the signed-in account (jordan only; always set back to 'en'). */
export async function setLanguage(page: Page, language: string) {
	expect((await form(page, '/settings?/language', { language })).status()).toBe(303);
}

/** The header link to messages (its name carries the unread count, if there is one). */
export function messagesNavLink(page: Page, lang = 'en') {
	return page
		.getByRole('navigation', { name: t(lang, 'common', 'nav.label') })
		.getByRole('link', { name: t(lang, 'common', 'nav.messages') });
}

/** "(3 unread messages)" as the header says it to screen readers, in any number and plural form. */
export function unreadPattern(lang = 'en') {
	const forms = ['zero', 'one', 'two', 'few', 'many', 'other'].flatMap((form) => {
		try {
			return [t(lang, 'messages', `inbox.unread_${form}`, { count: 'NUMBER' })];
		} catch {
			return [];
		}
	});
	const words = forms.map((w) => w.replace(/[()]/g, '\\$&').replace('NUMBER', '\\d+'));
	return new RegExp(`\\((${words.join('|')})\\)`);
}

/** A conversation with a carer is linked as "Samuel Carter: Helen Price" in the inbox. */
/** The messages in the open thread whose text contains `text`. */
export const messagesNamed = (page: Page, text: string) =>
	page.getByRole('list', { name: 'Messages, oldest first' }).getByRole('listitem').filter({ hasText: text });

export const withCarer = (child: string, carer: string) => new RegExp(`^${child}\\s*: ${carer}$`);

/** The inbox entry (a list item in <main>) whose link is named `linkName` (exactly). */
export function inboxItem(page: Page, linkName: string | RegExp) {
	return page
		.getByRole('main')
		.getByRole('listitem')
		.filter({ has: page.getByRole('link', { name: linkName, exact: true }) });
}

/** The id of a conversation in the signed-in IRO's inbox, by its link name. */
export async function conversationId(page: Page, linkName: string | RegExp): Promise<string> {
	await page.goto('/iro/inbox');
	const href = await inboxItem(page, linkName).getByRole('link').first().getAttribute('href');
	expect(href).toMatch(/^\/iro\/conversations\/[^/]+$/);
	return href!.split('/').pop()!;
}

/** Emails the sink received since `since` that match, waiting up to `timeout` ms for `count`. */
export async function emailsSince(
	since: number,
	match: (email: Email) => boolean,
	count = 1,
	timeout = 10_000
): Promise<Email[]> {
	let found: Email[] = [];
	await expect
		.poll(
			async () => {
				found = (await sentEmails()).filter((e) => e.receivedAt >= since && match(e));
				return found.length;
			},
			{ timeout, message: 'emails received by the SMTP sink' }
		)
		.toBeGreaterThanOrEqual(count);
	return found;
}

/** Emails must tell that there is something to read, and nothing of what it is or who it is about. */
export function expectPrivate(email: Email, secrets: Array<string | RegExp>) {
	for (const secret of secrets) {
		for (const part of [email.subject, email.text]) {
			if (typeof secret === 'string') expect(part, `email must not contain ${secret}`).not.toContain(secret);
			else expect(part, `email must not match ${secret}`).not.toMatch(secret);
		}
	}
}
