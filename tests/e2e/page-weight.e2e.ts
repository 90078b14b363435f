import { test, expect } from './fixtures';
import { hydrated, signIn } from './flow-helpers';

/**
 * A page on a cheap phone (issue 14): its HTML carries none of the language's strings; the browser
 * fetches its reader's language once, as a file it keeps, and every page after that is translated.
 */

test('the sign-in page is small: no language strings ride in its HTML', async ({ request }) => {
	const html = await (await request.get('/signin')).text();
	expect(html.length).toBeLessThan(40_000);
	// A string only the reports pages use is not sent with the sign-in page.
	expect(html).not.toContain('What people said should change');
});

test('zainab moves between her pages in Arabic; her language is fetched once', async ({ page }) => {
	const arabicFiles: string[] = [];
	page.on('response', async (response) => {
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
});
