import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createIro, hydrated, newDevice, signIn } from './flow-helpers';

/** Flow 4: choosing a language, remembering it, and starting in the reader's own language. */

const ARABIC = /[\u0600-\u06FF]/;

async function expectArabic(page: Page) {
	const html = page.locator('html');
	await expect(html).toHaveAttribute('lang', 'ar');
	await expect(html).toHaveAttribute('dir', 'rtl');
	const h1 = page.getByRole('heading', { level: 1 });
	await expect(h1).toHaveText(ARABIC);
	// The header is translated too, not only the page.
	await expect(page.locator('summary')).toHaveText('اللغة والعرض');
}

/** Through the header panel on any page, as a user would. */
async function chooseLanguage(page: Page, code: string, button: string) {
	await hydrated(page);
	await page.locator('summary').click();
	await page.locator('#language-picker').selectOption(code);
	await page.getByRole('button', { name: button }).click();
}

test('a visitor switches to Arabic in the header; it stays after moving around and after signing in', async ({
	page,
	browser
}) => {
	const iro = await createIro(browser);
	await page.goto('/accessibility');
	await hydrated(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await page.locator('summary', { hasText: 'Language and display' }).click();
	await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
	await page.getByLabel('Language', { exact: true }).selectOption({ label: 'العربية' });
	await page.getByRole('button', { name: 'Change language' }).click();

	// Back on the same page, now in Arabic and right to left.
	await expect(page).toHaveURL('/accessibility');
	await expectArabic(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('سهولة الاستخدام');
	await expect(page.getByLabel('اللغة', { exact: true })).toHaveValue('ar');

	// Moving around keeps Arabic.
	await page.getByRole('contentinfo').getByRole('link', { name: 'احصل على المساعدة' }).click();
	await expect(page).toHaveURL('/help');
	await expectArabic(page);
	await page.goto('/signin');
	await hydrated(page);
	await expectArabic(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيل الدخول');

	// Signing in (the new IRO has never chosen a language) keeps Arabic.
	await page.getByLabel('اسم المستخدم أو البريد الإلكتروني').fill(iro.username);
	await page.getByLabel('كلمة المرور', { exact: true }).fill(iro.password);
	await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
	await expect(page).toHaveURL('/iro');
	await expectArabic(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('الأطفال المسندون إليّ');
	await expect(page.getByRole('table', { name: `الأطفال المسندون إلى ${iro.displayName}` })).toBeVisible();

	// Chosen while signed in, it is remembered on the account: another device opens in Arabic too.
	await chooseLanguage(page, 'ar', 'تغيير اللغة');
	await expectArabic(page);
	const laptop = await newDevice(browser);
	await laptop.page.goto('/signin');
	await expect(laptop.page.locator('html')).toHaveAttribute('lang', 'en');
	await signIn(laptop.page, iro.username, iro.password);
	await expect(laptop.page).toHaveURL('/iro');
	await expectArabic(laptop.page);

	// And back to English the same way.
	await chooseLanguage(laptop.page, 'en', 'تغيير اللغة');
	await expect(laptop.page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(laptop.page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(laptop.page.getByRole('heading', { level: 1 })).toHaveText('My caseload');
	await laptop.context.close();
	expect(laptop.csp, 'CSP violations').toEqual([]);
});

test('zainab, whose language is Arabic, gets Arabic as soon as she signs in', async ({ page }) => {
	await page.goto('/signin');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await signIn(page, 'zainab');
	await expect(page).toHaveURL('/me');
	await expectArabic(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('أهلًا يا Zainab!');
	await expect(page.getByRole('link', { name: 'غادر هذا الموقع الآن' })).toBeVisible();
	await expect(page.getByRole('region', { name: 'تعرّف على مسؤول المراجعة (IRO)' })).toContainText(
		'Amina Rahman'
	);
	// Still Arabic on the next page.
	await page.getByRole('navigation').getByRole('link', { name: 'تغيير كلمة المرور' }).click();
	await expect(page).toHaveURL('/account/password');
	await expectArabic(page);
});

// Only English and Arabic existed at first: other languages showed raw keys ("signIn.title").
test('a visitor whose browser asks for Polish gets Polish, and so does kacper after signing in', async ({
	browser
}) => {
	const visitor = await newDevice(browser, { locale: 'pl-PL' });
	await visitor.page.goto('/signin');
	await expect(visitor.page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(visitor.page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(visitor.page.locator('#language-picker')).toHaveValue('pl');
	await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText('Zaloguj się');
	await expect(visitor.page).toHaveTitle(/^Zaloguj się/);
	await visitor.context.close();

	// kacper's account is in Polish: he signs in on an English page and his home is in Polish.
	const kacper = await newDevice(browser);
	await signIn(kacper.page, 'kacper');
	await expect(kacper.page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(kacper.page.getByRole('heading', { level: 1 })).toHaveText('Cześć, Kacper!');
	await kacper.context.close();
	expect([...visitor.csp, ...kacper.csp], 'CSP violations').toEqual([]);
});

test('a page that is not there says so in the reader’s language, with and without JavaScript', async ({
	page,
	browser
}) => {
	await signIn(page, 'zainab');
	const response = await page.goto('/me/no-such-page');
	expect(response?.status()).toBe(404);
	await expectArabic(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('الصفحة غير موجودة');
	await expect(page).toHaveTitle('الصفحة غير موجودة – Voicebox');
	await page.getByRole('link', { name: 'الانتقال إلى الصفحة الرئيسية' }).click();
	await expect(page).toHaveURL('/me');

	const noScript = await newDevice(browser, { javaScriptEnabled: false, locale: 'pl-PL' });
	const missing = await noScript.page.goto('/nothing-here');
	expect(missing?.status()).toBe(404);
	await expect(noScript.page.getByRole('heading', { level: 1 })).toHaveText('Nie znaleziono strony');
	await noScript.context.close();
});
