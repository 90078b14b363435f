import { test, expect, BASE_URL } from './fixtures';
import { childWithAccount, hydrated, londonDay, scheduleMeeting, signIn } from './flow-helpers';
import { LOCALES } from '../../src/lib/i18n/locales';
import { DATE_SHAPES, formatRelativeDays, makeDateKit } from '../../src/lib/i18n/date-kit';
import { londonInstant } from '../../src/lib/domain/london-time';

/**
 * A date reads the same after the page's script has run as the server wrote it, in every language.
 * The browser's own language data is not used: Chromium has no Punjabi dates, and once wrote
 * "2026 M12 12, Sat 3:00 PM" and "in 20 days" over correct Punjabi. The expected text comes from
 * this test's own (complete) Node data.
 */
test('the next meeting’s date and "in N days" stay in the reader’s language after the page loads', async ({
	page,
	browser
}) => {
	test.setTimeout(360_000);
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	const days = 20;
	await scheduleMeeting(page, child.childId, days);
	const startsAt = londonInstant(londonDay(days), '15:30');
	const wrong: string[] = [];
	for (const { code, intl } of LOCALES) {
		await child.page.request.post('/settings?/language', {
			form: { language: code, returnTo: '/me' },
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
		await child.page.goto('/me');
		await hydrated(child.page);
		await expect(child.page.locator('html')).toHaveAttribute('lang', code);
		const card = child.page.locator('.meeting-card');
		const date = new Intl.DateTimeFormat(intl, DATE_SHAPES.dateTime).format(startsAt);
		// As ICU writes it, or a fluent reader where ICU has no words (Sorani: the unit tests prove the rest equal).
		const inDays = formatRelativeDays(makeDateKit(intl), days, intl);
		const text = (await card.textContent()) ?? '';
		if (!text.includes(date)) wrong.push(`${code}: no “${date}” in ${text}`);
		if (!text.includes(inDays)) wrong.push(`${code}: no “${inDays}” in ${text}`);
	}
	expect(wrong).toEqual([]);
	await child.context.close();
});
