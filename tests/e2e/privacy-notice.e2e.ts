import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, BASE_URL } from './fixtures';
import { setDisplay } from './flow-helpers';
import { retentionPeriods } from '../../src/lib/domain/retention';

/**
 * The privacy notices: one for children and young people (/privacy), one for parents and carers
 * (/privacy/carers). Public, reached from every page's footer and from the join page, in the reader's
 * language, naming the council and stating the periods the housekeeping deletes by.
 */
const CHILD_TITLE = 'Your information: how we look after it';
const CARER_TITLE = 'Privacy notice for parents and carers';
const COUNCIL = 'Northfield Council';
const DPO = 'data.protection@northfield.example';

// Several sign-ins and axe scans in a test: give them time on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function footerToNotice(page: Page) {
	await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy', exact: true }).click();
	await expect(page).toHaveURL(/\/privacy$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHILD_TITLE);
}

async function reader(browser: Browser, locale: string) {
	const context = await browser.newContext({ locale, extraHTTPHeaders: { 'accept-language': locale } });
	return { context, page: await context.newPage() };
}

test('every kind of page links to the notice in its footer, and the join page links to both', async ({
	page
}) => {
	for (const [login, home] of [
		['sam', '/me'],
		['helen', '/carer'],
		['ben', '/iro']
	] as const) {
		await signIn(page, login);
		await page.goto(home);
		await footerToNotice(page);
		// Signed in or not, the notice is the same page: it is public.
		await page.context().clearCookies();
	}

	await page.goto('/join');
	await footerToNotice(page);
	await page.goto('/join');
	const code = page.getByLabel('Your code');
	await expect(code).toBeVisible();
	await page.getByRole('main').getByRole('link', { name: 'for parents and carers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CARER_TITLE);
	await page.goto('/join');
	await page.getByRole('main').getByRole('link', { name: 'for children and young people' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHILD_TITLE);
});

test('the notices name the council and how to reach its data protection officer, and ask in a child’s words', async ({
	page
}) => {
	for (const path of ['/privacy', '/privacy/carers']) {
		await page.goto(path);
		const main = page.getByRole('main');
		await expect(main).toContainText(COUNCIL);
		await expect(main.getByRole('link', { name: DPO })).toHaveAttribute('href', `mailto:${DPO}`);
		await expect(main.getByRole('link', { name: 'ico.org.uk/make-a-complaint' })).toBeVisible();
	}
	await page.goto('/privacy');
	const headings = page.getByRole('main').getByRole('heading', { level: 2 });
	await expect(headings).toHaveText([
		'What do we keep?',
		'Who can see it?',
		'How long do we keep it?',
		'What can I ask for?',
		'Who can I talk to?'
	]);
	// The words on the child's own forms: "Only my IRO", "Everyone at my meeting".
	await expect(page.getByText('When you choose “Only my IRO”, only your IRO reads it.')).toBeVisible();
	// … and its one exception, in the words of the child's own form.
	await expect(
		page.getByText('Sometimes, like when your IRO is away, their manager may read it to help you.')
	).toBeVisible();
	await page.getByRole('link', { name: 'Read the notice for parents and carers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(CARER_TITLE);
});

test('both notices state the periods the housekeeping deletes by (the README’s table)', async ({ page }) => {
	for (const path of ['/privacy', '/privacy/carers']) {
		await page.goto(path);
		for (const { record, period } of retentionPeriods()) {
			const words = `${period.count} ${period.unit}${period.count === 1 ? '' : 's'}`;
			await expect(page.locator(`li[data-record="${record}"]`), `${path} ${record}`).toContainText(words);
		}
	}
});

test('an Arabic reader gets the notice in Arabic, right to left; a Polish reader in Polish', async ({
	browser
}) => {
	const arabic = await reader(browser, 'ar');
	await arabic.page.goto('/privacy');
	await expect(arabic.page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(arabic.page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(arabic.page.getByRole('heading', { level: 1 })).toHaveText('معلوماتك: كيف نعتني بها');
	await expect(arabic.page.getByRole('heading', { name: 'ماذا نحتفظ به؟' })).toBeVisible();
	expect(await arabic.page.locator('main').evaluate((main) => getComputedStyle(main).direction)).toBe('rtl');
	await expect(arabic.page.locator('li[data-record="invites"]')).toContainText('90 يومًا');
	await arabic.context.close();

	// Zainab reads Voicebox in Arabic: her footer says "Privacy" in Arabic and leads to the same notice.
	const zainab = await reader(browser, 'en');
	await signIn(zainab.page, 'zainab');
	await zainab.page.getByRole('contentinfo').getByRole('link', { name: 'الخصوصية' }).click();
	await expect(zainab.page.getByRole('heading', { level: 1 })).toHaveText('معلوماتك: كيف نعتني بها');
	await zainab.context.close();

	const polish = await reader(browser, 'pl');
	await polish.page.goto('/privacy');
	await expect(polish.page.locator('html')).toHaveAttribute('lang', 'pl');
	await expect(polish.page.getByRole('heading', { level: 1 })).toHaveText(
		'Twoje informacje: jak o nie dbamy'
	);
	await expect(polish.page.getByRole('heading', { name: 'Co przechowujemy?' })).toBeVisible();
	await expect(polish.page.locator('li[data-record="sessions"]')).toContainText('30 dni');
	await polish.page.goto('/privacy/carers');
	await expect(polish.page.getByRole('heading', { level: 1 })).toHaveText(
		'Informacja o prywatności dla rodziców i opiekunów'
	);
	await polish.context.close();
});

for (const text of ['normal', 'xlarge'] as const) {
	test(`axe: both notices, ${text} text, in English and Arabic`, async ({ page }) => {
		await page.goto('/');
		await setDisplay(page, text);
		for (const path of ['/privacy', '/privacy/carers']) {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-text', text);
			await expectNoAxeViolations(page, `${path} (${text})`);
		}
		const arabic = await page.request.post('/settings?/language', {
			form: { language: 'ar', returnTo: '/privacy' },
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(arabic.status()).toBe(303);
		await page.goto('/privacy');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expectNoAxeViolations(page, `/privacy in Arabic (${text})`);
	});
}
