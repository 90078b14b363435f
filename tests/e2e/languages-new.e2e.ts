import type { Browser, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { axeBothSizes, childWithAccount, hydrated, scheduleMeeting, signIn } from './flow-helpers';
import { setLanguage, t } from './messages-helpers';

/**
 * The languages of children who arrive alone (issue 13): Pashto and Tigrinya as a child reads them,
 * with their own script, font and direction, what has no Braille code or voice said plainly, the IRO's
 * own words marked as English, and axe on every page in normal and large print.
 */

/** A new child on Amina's caseload, with a meeting booked, reading their pages in `language` (slow: axe in two sizes). */
async function childReading(browser: Browser, page: Page, language: string) {
	test.slow(); // axe on several pages, each in two text sizes
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	await scheduleMeeting(page, child.childId, 12);
	await setLanguage(child.page, language);
	return child;
}

test('the language picker names the seven new languages in their own scripts', async ({ page }) => {
	await page.goto('/');
	await page.locator('.settings-panel summary').click();
	const picker = page.locator('#language-picker');
	for (const name of ['پښتو', 'دری', 'ትግርኛ', 'کوردیی ناوەندی', 'Tiếng Việt', 'Shqip', 'Cymraeg'])
		await expect(picker.locator('option', { hasText: name })).toHaveCount(1);
	await picker.selectOption({ label: 'Cymraeg' });
	await page.getByRole('button', { name: 'Change language' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the accessibility page says which languages have no Braille or audio, which await a fluent check, and how to report a wrong word', async ({
	page
}) => {
	await page.goto('/accessibility');
	const main = page.getByRole('main');
	await expect(main).toContainText(
		t('en', 'documents', 'accessibility.noAudio', { languages: 'Pashto, Tigrinya and Central Kurdish' })
	);
	await expect(main).toContainText(
		t('en', 'documents', 'accessibility.noBraille', { languages: 'Malay, Pashto and Albanian' })
	);
	await expect(main.getByRole('heading', { name: 'How good are our translations?' })).toBeVisible();
	await expect(main).toContainText(/Welsh/);
	await expect(main).toContainText('0300 123 4567');
	// In Tigrinya, the same page names the languages in Tigrinya.
	await page.locator('.settings-panel summary').click();
	await page.locator('#language-picker').selectOption({ label: 'ትግርኛ' });
	await page.getByRole('button', { name: 'Change language' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ti');
	await expect(page.getByRole('heading', { name: t('ti', 'common', 'a11y.checkTitle') })).toBeVisible();
	await expect(page.getByRole('main')).toContainText('ትግርኛ');
});

test('a child who reads Tigrinya: Ge’ez letters in their own font, Amina’s words marked as English, axe in both sizes', async ({
	browser,
	page
}) => {
	const child = await childReading(browser, page, 'ti');
	await child.page.goto('/me');
	await hydrated(child.page);
	const html = child.page.locator('html');
	await expect(html).toHaveAttribute('lang', 'ti');
	await expect(html).toHaveAttribute('dir', 'ltr');
	const banner = child.page.getByRole('banner');
	await expect(banner.getByRole('link', { name: t('ti', 'common', 'nav.notSafe') })).toBeVisible();
	const font = await child.page
		.locator('main p')
		.first()
		.evaluate((p) => getComputedStyle(p).fontFamily);
	expect(font).toContain('Noto Sans Ethiopic');
	// The self-hosted font, not a system one, draws the letters.
	const loaded = await child.page.evaluate(async () => {
		await document.fonts.load('16px "Noto Sans Ethiopic"', 'ሰላም');
		return document.fonts.check('16px "Noto Sans Ethiopic"', 'ሰላም');
	});
	expect(loaded).toBe(true);
	// Amina wrote "about me" on an English page: the child is told so, in Tigrinya.
	await expect(child.page.locator('.iro-card .written-in')).toHaveText(
		t('ti', 'common', 'writtenIn', { name: 'Amina Rahman', language: 'እንግሊዝኛ' })
	);
	for (const path of ['/me', '/me/say', '/me/agenda', '/me/messages']) {
		await child.page.goto(path);
		await expect(html).toHaveAttribute('lang', 'ti');
		await axeBothSizes(browser, child.page, `${path} in Tigrinya`);
	}
	// Tigrinya has an Ethiopic Braille code but no voice: the agenda offers Braille and says there is no audio.
	await child.page.goto('/me/agenda');
	const downloads = child.page.locator('.document-downloads');
	await expect(downloads.locator('a[data-braille-download]')).toHaveCount(1);
	await expect(downloads.locator('a[data-audio-download]')).toHaveCount(0);
	await expect(downloads).toContainText(t('ti', 'documents', 'downloads.noAudio'));
	await child.context.close();
});

test('a child who reads Pashto: right to left, no Braille or audio file but said so, axe in both sizes', async ({
	browser,
	page
}) => {
	const child = await childReading(browser, page, 'ps');
	await child.page.goto('/me');
	const html = child.page.locator('html');
	await expect(html).toHaveAttribute('lang', 'ps');
	await expect(html).toHaveAttribute('dir', 'rtl');
	const banner = child.page.getByRole('banner');
	await expect(banner.getByRole('link', { name: t('ps', 'common', 'nav.notSafe') })).toBeVisible();
	// (A right-to-left sentence isolates the name it holds; the words are what matter here.)
	const note = await child.page.locator('.iro-card .written-in').innerText();
	expect(note.replace(/[\u2066-\u2069]/g, '')).toBe(
		t('ps', 'common', 'writtenIn', { name: 'Amina Rahman', language: 'انګليسي' })
	);
	for (const path of ['/me', '/me/say', '/me/agenda', '/me/safe', '/accessibility']) {
		await child.page.goto(path);
		await expect(html).toHaveAttribute('dir', 'rtl');
		await axeBothSizes(browser, child.page, `${path} in Pashto`);
	}
	await child.page.goto('/me/agenda');
	const downloads = child.page.locator('.document-downloads');
	await expect(downloads.locator('a')).toHaveCount(0);
	await expect(downloads).toContainText(t('ps', 'documents', 'downloads.noBraille'));
	await expect(downloads).toContainText(t('ps', 'documents', 'downloads.noAudio'));
	await child.context.close();
});

for (const language of ['ar', 'ur'] as const) {
	test(`the new controls in ${language === 'ar' ? 'Arabic' : 'Urdu'}: the voice recorder on My say and messages, the downloads and the accessibility page, axe in both sizes`, async ({
		browser,
		page
	}) => {
		const child = await childReading(browser, page, language);
		await child.page.goto('/me/say');
		await expect(child.page.locator('html')).toHaveAttribute('dir', 'rtl');
		await child.page.getByRole('button', { name: t(language, 'say', 'start.button') }).click();
		await expect(child.page).toHaveURL('/me/say/good');
		// The recorder's file input is the way without a microphone; its label is in the reader's language.
		await expect(child.page.getByText(t(language, 'voice', 'recorder.title')).first()).toBeVisible();
		for (const path of ['/me/say/good', '/me/messages', '/me/agenda', '/accessibility']) {
			await child.page.goto(path);
			await axeBothSizes(browser, child.page, `${path} in ${language}`);
		}
		await child.context.close();
	});
}
