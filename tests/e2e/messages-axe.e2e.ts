import type { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import { conversationId, hydrated, setLanguage, t } from './messages-helpers';
import { setDisplay } from './flow-helpers';

/**
 * Axe (WCAG 2.2 A/AA and AAA contrast) on every messages page, as each role sees it, in normal and
 * in extra-large text, with form errors showing, and the child's pages in Urdu (right to left).
 * Only jordan, ben and farida are restyled here, and always set back to normal (and English).
 */
const modes = ['normal', 'xlarge'] as const;

async function scan(page: Page, paths: string[], text: (typeof modes)[number], label = '') {
	for (const path of paths) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text', text);
		await expectNoAxeViolations(page, `${path} (${text}${label})`);
	}
}

/** Sends an empty form, so that the error summary and the field error are on the page. */
async function withErrors(page: Page, path: string, button: string, text: string, lang = 'en') {
	await page.goto(path);
	await hydrated(page);
	await page.getByRole('button', { name: button }).click();
	await expect(page.getByRole('heading', { name: t(lang, 'errors', 'summaryTitle') })).toBeVisible();
	await expectNoAxeViolations(page, `${path} with errors (${text})`);
}

// Each mode is a test of its own; locks keep tests that restyle the same account apart.
test.describe.configure({ timeout: 180_000 });

for (const text of modes) {
	test(`child pages, ${text} text`, { lock: 'jordan' }, async ({ page }) => {
		await signIn(page, 'jordan');
		try {
			await setDisplay(page, text);
			await scan(page, ['/me/messages', '/me/safe'], text);
			await withErrors(page, '/me/messages', 'Send message', text);
			await withErrors(page, '/me/safe', 'Send urgent message', text);
		} finally {
			await setDisplay(page, 'normal');
		}
	});

	test(`child pages in Urdu, right to left, ${text} text`, { lock: 'jordan' }, async ({ page }) => {
		await signIn(page, 'jordan');
		try {
			await setLanguage(page, 'ur');
			await setDisplay(page, text);
			for (const path of ['/me/messages', '/me/safe']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', 'ur');
				await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
				const safe = t('ur', 'common', 'nav.notSafe');
				await expect(page.getByRole('banner').getByRole('link', { name: safe })).toBeVisible();
				await expect(page.locator('html')).toHaveAttribute('data-text', text);
				await expectNoAxeViolations(page, `${path} (Urdu, ${text})`);
			}
			await withErrors(page, '/me/safe', t('ur', 'messages', 'safe.send'), `Urdu, ${text}`, 'ur');
		} finally {
			await setDisplay(page, 'normal');
			await setLanguage(page, 'en');
		}
		await page.goto('/me/messages');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});

	test(`carer messages page (in Arabic), ${text} text`, { lock: 'farida' }, async ({ page }) => {
		await signIn(page, 'farida');
		await page.goto('/carer');
		const name = t('ar', 'messages', 'carer.link', { child: 'Zainab' });
		const path = (await page.getByRole('main').getByRole('link', { name }).getAttribute('href'))!;
		expect(path).toMatch(/^\/carer\/children\/[^/]+\/messages$/);
		try {
			await setDisplay(page, text);
			await scan(page, [path], text, ', Arabic');
			await withErrors(page, path, t('ar', 'messages', 'send'), `Arabic, ${text}`, 'ar');
		} finally {
			await setDisplay(page, 'normal');
		}
	});

	// Lock 'kacper': opening Kacper's conversation marks his messages read.
	test(
		`IRO inbox, conversation and profile, ${text} text`,
		{
			lock: ['kacper', 'ben-display']
		},
		async ({ page }) => {
			await signIn(page, 'ben');
			const conversation = `/iro/conversations/${await conversationId(page, 'Kacper Nowak')}`;
			try {
				await setDisplay(page, text);
				await scan(page, ['/iro/inbox', conversation, '/iro/profile'], text);
				await withErrors(page, conversation, 'Send message', text);
				await withErrors(page, '/iro/profile', 'Upload photo', text);
			} finally {
				await setDisplay(page, 'normal');
			}
		}
	);
}
