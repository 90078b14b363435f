import type { Page } from '@playwright/test';
import { test, expect, setTextSize, DEMO_PASSWORD, BASE_URL } from './fixtures';
import {
	addChild,
	capitalise,
	childWithAccount,
	createIro,
	hydrated,
	londonDay,
	newDevice,
	signIn,
	unique,
	wholeCaseload
} from './flow-helpers';

/** Flow 5: bigger text and high contrast, at 320 px wide, and every key form without JavaScript. */

/** The site's own text size, in CSS pixels, at the normal setting. */
const NORMAL_PX = 19;

async function bodyTextPx(page: Page) {
	return page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
}

/** "Up to twice the size", as the accessibility page promises: extra large is twice the normal text. */
async function expectXlarge(page: Page) {
	await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	expect(await bodyTextPx(page)).toBeCloseTo(2 * NORMAL_PX, 1);
}

/** Nothing sticks out sideways: no horizontal scrolling of the whole page at 320 CSS pixels. */
async function expectNoSidewaysScroll(page: Page) {
	await page.setViewportSize({ width: 320, height: 720 });
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(
		clientWidth
	);
}

test('a visitor chooses extra large text and high contrast; /signin still fits 320 px', async ({ page }) => {
	await page.goto('/signin');
	await hydrated(page);
	await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
	expect(await bodyTextPx(page)).toBeCloseTo(NORMAL_PX, 1);
	await setTextSize(page, 'Extra large');
	await expect(page).toHaveURL('/signin');
	await expectXlarge(page);
	await expectNoSidewaysScroll(page);

	await page.locator('summary', { hasText: 'Language and display' }).click();
	await expect(page.getByRole('group', { name: 'Text size' }).getByLabel('Extra large')).toBeChecked();
	await page.getByRole('group', { name: 'Colours' }).getByLabel('High contrast').check();
	await page.getByRole('button', { name: 'Save display settings' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
	await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	// The choice is remembered on the next page.
	await page.goto('/help');
	await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
	await expectXlarge(page);
	await expectNoSidewaysScroll(page);
});

test('a child with extra large text: /me fits 320 px, and the choice follows them to another device', async ({
	page,
	browser
}) => {
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	// A real meeting, so the page has its fullest content.
	await page.goto(`/iro/children/${child.childId}/meetings/new`);
	await hydrated(page);
	await page.getByLabel('Date', { exact: true }).fill(londonDay(12));
	await page.getByLabel('Time', { exact: true }).fill('16:15');
	await page.getByLabel('Where').fill('Northfield Family Centre, Meeting Room Three (Upstairs)');
	await page
		.getByRole('group', { name: 'How people take part' })
		.getByLabel('Hybrid (in person and online)')
		.check();
	await page.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page.getByRole('status')).toHaveText('The meeting has been scheduled.');

	await child.page.goto('/me');
	await hydrated(child.page);
	await expect(child.page.getByText('Your meeting is in 12 days.')).toBeVisible();
	await setTextSize(child.page, 'Extra large');
	await expect(child.page).toHaveURL('/me');
	await expectXlarge(child.page);
	await expectNoSidewaysScroll(child.page);

	const tablet = await newDevice(browser);
	await signIn(tablet.page, child.username, child.password);
	await expect(tablet.page).toHaveURL('/me');
	await expectXlarge(tablet.page);
	await tablet.context.close();
	await child.context.close();
	expect([...child.csp, ...tablet.csp], 'CSP violations').toEqual([]);
});

test('an IRO with extra large text: the caseload fits 320 px', async ({ page, browser }) => {
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	await addChild(page, {
		fullName: `Maximilian-Alexander ${capitalise(unique())}`,
		preferredName: 'Max',
		languages: 'English, Polish, Portuguese'
	});
	await page.goto('/iro');
	await hydrated(page);
	await setTextSize(page, 'Extra large');
	await expect(page).toHaveURL('/iro');
	await expectXlarge(page);
	await expect(page.getByRole('link', { name: /Maximilian-Alexander/ })).toBeVisible();
	await expectNoSidewaysScroll(page);
	await expect(page.getByRole('link', { name: /Maximilian-Alexander/ })).toBeVisible();
});

test.describe('without JavaScript', () => {
	test('the language and display forms work', async ({ browser }) => {
		const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
		await page.goto('/help');
		await page.locator('summary', { hasText: 'Language and display' }).click();
		await page.getByLabel('Language', { exact: true }).selectOption('ar');
		await page.getByRole('button', { name: 'Change language' }).click();
		await expect(page).toHaveURL('/help');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

		await page.locator('summary').click();
		await page.getByLabel('اللغة', { exact: true }).selectOption('en');
		await page.getByRole('button', { name: 'تغيير اللغة' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');

		await page.locator('summary').click();
		await page.getByRole('group', { name: 'Text size' }).getByLabel('Extra large').check();
		await page.getByRole('group', { name: 'Colours' }).getByLabel('High contrast').check();
		await page.getByRole('button', { name: 'Save display settings' }).click();
		await expect(page).toHaveURL('/help');
		await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
		await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
		await expectXlarge(page);
		await context.close();
	});

	test('signing in and out works, and a missing password is reported', async ({ browser }) => {
		const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
		await page.goto('/me');
		await expect(page).toHaveURL('/signin?returnTo=%2Fme');
		await page.getByLabel('Username or email address').fill('jordan');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveTitle(/^Error: Sign in/);
		await expect(page.locator('.error-summary').getByRole('link')).toHaveText(['Enter your password']);
		await expect(page.getByLabel('Username or email address')).toHaveValue('jordan');

		await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL('/me');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hi Jordan!');
		await page.getByRole('button', { name: 'Sign out (Jordan)' }).click();
		await expect(page).toHaveURL('/signin?signedOut=1');
		await page.goto('/me');
		await expect(page).toHaveURL(/\/signin/);
		await context.close();
	});

	test('a child joins with a code', async ({ page, browser }) => {
		const tag = unique();
		const name = capitalise(tag);
		await signIn(page, 'amina');
		await addChild(page, { fullName: `Ezra ${name}`, preferredName: name });
		await page.getByRole('button', { name: `Issue a code for ${name}` }).click();
		const code = (await page.locator('.letter-code').innerText()).trim();

		const { context, page: child } = await newDevice(browser, { javaScriptEnabled: false });
		await child.goto('/join');
		await child.getByLabel('Your code').fill(code);
		await child.getByRole('button', { name: 'Continue' }).click();
		await expect(child.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}!`);
		await child.getByLabel('Choose a username').fill(`ezra.${tag}`);
		await child.getByLabel('Choose a password').fill('short');
		await child.getByRole('button', { name: 'Save and sign in' }).click();
		await expect(child.locator('.error-summary').getByRole('link')).toHaveText(['Use at least 8 characters']);
		await expect(child.getByLabel('Choose a username')).toHaveValue(`ezra.${tag}`);
		await child.getByLabel('Choose a password').fill(`no script needed ${tag}`);
		await child.getByRole('button', { name: 'Save and sign in' }).click();
		await expect(child).toHaveURL('/me?welcome=1');
		await expect(child.getByRole('heading', { level: 1 })).toHaveText(`Hi ${name}!`);
		await context.close();
	});

	test('an IRO adds a child', async ({ browser }) => {
		const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
		const name = `Wren ${capitalise(unique())}`;
		await signIn(page, 'amina');
		await page.goto('/iro/children/new');
		await page.getByLabel('Full name').fill(name);
		await page.getByRole('button', { name: 'Add child' }).click();
		await expect(page).toHaveTitle(/^Error: Add a child/);
		await expect(page.locator('.error-summary').getByRole('link')).toHaveCount(3);
		await expect(page.getByLabel('Full name')).toHaveValue(name);

		await page.getByLabel('Date of birth').fill('2013-11-02');
		await page.getByRole('group', { name: 'Status' }).getByLabel('Cared for').check();
		await page
			.getByLabel('Date they became cared for, or date of the strategy discussion')
			.fill('2023-09-01');
		await page.getByRole('button', { name: 'Add child' }).click();
		await expect(page).toHaveURL(/\/iro\/children\/[^/]+\?added=1$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
		await wholeCaseload(page);
		await expect(page.getByRole('link', { name })).toBeVisible();
		await context.close();
	});
});

test('in Arabic, the dyslexia setting says what it does there, and keeps Arabic letters joined', async ({
	page
}) => {
	await page.goto('/settings');
	await expect(page.getByText('has letters for English only')).toHaveCount(0);
	await page.request.post('/settings?/language', {
		form: { language: 'ar', returnTo: '/settings' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	await page.request.post('/settings?/display', {
		form: { font: 'dyslexic', returnTo: '/settings' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	await page.goto('/settings');
	await expect(page.locator('html')).toHaveAttribute('data-font', 'dyslexic');
	const font = page.getByRole('group', { name: 'نوع الخط' });
	await expect(font).toHaveAccessibleDescription(/فيه حروف إنجليزية فقط/);
	const spacing = await page.evaluate(() => {
		const style = getComputedStyle(document.body);
		return { letters: style.letterSpacing, words: parseFloat(style.wordSpacing) };
	});
	expect(spacing.letters).toBe('normal');
	expect(spacing.words).toBeGreaterThan(0);
});
