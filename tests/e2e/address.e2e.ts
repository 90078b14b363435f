import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, BASE_URL } from './fixtures';
import { childWithAccount, newDevice, signIn, setDisplay } from './flow-helpers';
import { t } from './messages-helpers';

/**
 * Issue 11: Arabic said "أنت مهمّ" to Zainab. A child in a gendered language is asked once, on their
 * home page, how we should talk to them; their answer (or "skip") is kept on their account, and every
 * page they read follows it. It is a real form, so it works without JavaScript.
 */

async function setLanguage(page: Page, language: string) {
	const response = await page.request.post('/settings?/language', {
		form: { language, returnTo: '/me' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

const question = (page: Page, lang: string) =>
	page.getByRole('region', { name: t(lang, 'address', 'question') });

test('an Arabic-speaking girl answers “as a girl” and her pages speak to her as a girl', async ({
	browser
}) => {
	// A new IRO session, a new child and their account: three devices and two axe scans.
	test.slow();
	const iro = await newDevice(browser);
	await signIn(iro.page, 'amina');
	const child = await childWithAccount(browser, iro.page);
	const { page } = child;
	await setLanguage(page, 'ar');
	await page.goto('/me');
	const card = question(page, 'ar');
	await expect(card).toBeVisible();
	// Before she answers, the least-marked form.
	await expect(page.locator('main')).toContainText('هذه مساحتك لتستعد لاجتماعك');
	await expectNoAxeViolations(page, 'child home with the address question');
	await setDisplay(page, 'xlarge');
	await page.reload();
	await expectNoAxeViolations(page, 'child home with the address question, extra large');
	await setDisplay(page, 'normal');
	await page.reload();

	await card.getByLabel(t('ar', 'address', 'choice.female')).check();
	await card.getByRole('button', { name: t('ar', 'address', 'save') }).click();
	await expect(page).toHaveURL(/\/me$/);
	await expect(question(page, 'ar')).toHaveCount(0);
	await expect(page.locator('main')).toContainText('هذه مساحتكِ لتستعدّي لاجتماعكِ وتتحدّثي');
	await expect(page.getByRole('link', { name: 'غادري هذا الموقع الآن' })).toBeVisible();
	await page.goto('/me/safe');
	await expect(page.locator('main')).toContainText('أنتِ مهمّة');
	await expect(page.locator('main')).not.toContainText('أنت مهمّ،');
	// Not asked again; the settings panel keeps her answer, to change at any time.
	await page.goto('/me');
	await expect(question(page, 'ar')).toHaveCount(0);
	await page.goto('/settings');
	await expect(page.getByLabel(t('ar', 'address', 'choice.female'))).toBeChecked();
	await iro.context.close();
	await child.context.close();
});

test('a Polish child chooses the neutral way without JavaScript, and sees neutral words', async ({
	browser
}) => {
	// A new IRO session, a new child and their account: three devices and two axe scans.
	test.slow();
	const iro = await newDevice(browser);
	await signIn(iro.page, 'amina');
	const child = await childWithAccount(browser, iro.page);
	await child.context.close();
	const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(page, child.username, child.password);
	await setLanguage(page, 'pl');
	await page.goto('/me');
	const card = question(page, 'pl');
	await card.getByLabel(t('pl', 'address', 'choice.neutral')).check();
	await card.getByRole('button', { name: t('pl', 'address', 'save') }).click();
	await expect(page).toHaveURL(/\/me$/);
	await expect(question(page, 'pl')).toHaveCount(0);
	// "Kiedy … będziesz mógł tutaj powiedzieć" was said to every child: now it is neutral.
	await page.goto('/me/say');
	await expect(page.locator('main')).toContainText(t('pl', 'say', 'none.body'));
	await expect(page.locator('main')).not.toContainText('mógł');
	await page.goto('/me');
	await expect(question(page, 'pl')).toHaveCount(0);
	await context.close();
	await iro.context.close();
});

test('a Spanish child who skips the question is not asked again', async ({ browser }) => {
	// A new IRO session, a new child and their account: three devices and two axe scans.
	test.slow();
	const iro = await newDevice(browser);
	await signIn(iro.page, 'amina');
	const child = await childWithAccount(browser, iro.page);
	const { page } = child;
	await setLanguage(page, 'es');
	await page.goto('/me');
	await question(page, 'es')
		.getByRole('button', { name: t('es', 'address', 'skip') })
		.click();
	await expect(page).toHaveURL(/\/me$/);
	await expect(question(page, 'es')).toHaveCount(0);
	await page.reload();
	await expect(question(page, 'es')).toHaveCount(0);
	await iro.context.close();
	await child.context.close();
});
