import { test, expect } from './fixtures';
import { hydrated, signIn } from './flow-helpers';

/**
 * A page on a cheap phone (issue 14): its HTML carries none of the language's strings, date words or
 * language names; the browser fetches its reader's language once, as files it keeps, and every page
 * after that is translated.
 */

test('the sign-in page is small: no language strings ride in its HTML', async ({ request }) => {
	const html = await (await request.get('/signin')).text();
	expect(html.length).toBeLessThan(40_000);
	// A string only the reports pages use is not sent with the sign-in page.
	expect(html).not.toContain('What people said should change');
	// Nor how English writes dates, nor what our languages are called in it.
	expect(html).not.toContain('September');
	expect(html).not.toContain('Tigrinya');
});

test('zainab moves between her pages in Arabic; her language is fetched once', async ({ page }) => {
	const arabicFiles: string[] = [];
	const kits: string[] = [];
	const navigationData: string[] = [];
	page.on('response', async (response) => {
		const { pathname } = new URL(response.url());
		if (pathname === '/i18n/ar') kits.push(response.url());
		if (pathname.endsWith('/__data.json')) navigationData.push(await response.text().catch(() => ''));
		if (response.request().resourceType() !== 'script') return;
		if ((await response.text().catch(() => '')).includes('التقارير')) arabicFiles.push(response.url());
	});
	await signIn(page, 'zainab');
	await hydrated(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await page.locator('main a[href="/me/say"]').first().click();
	await expect(page).toHaveURL(/\/me\/say$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0600-\u06FF]/);
	await page.goBack();
	await expect(page).toHaveURL(/\/me$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/[\u0600-\u06FF]/);
	await hydrated(page);
	expect(arabicFiles).toHaveLength(1);
	// Her language's date kit and language names: fetched once, and not sent again with each page.
	expect(kits).toHaveLength(1);
	expect(navigationData.length).toBeGreaterThan(0);
	for (const data of navigationData) expect(data).not.toContain('dateKit');
});
