import type { Locator, Page } from '@playwright/test';
import { test, expect, BASE_URL } from './fixtures';
import {
	addChild,
	axeBothSizes,
	capitalise,
	carerWithAccount,
	childWithAccount,
	createIro,
	newDevice,
	scheduleMeeting,
	signIn,
	unique
} from './flow-helpers';

/**
 * Every format the council promises (issue 13), two parts of it:
 * - large print on paper: printable pages print at the reader's display setting (large at least
 *   16pt, extra large at least 24pt, never justified, high contrast when chosen), and an IRO can print
 *   one page in large print (`?print=`) without changing their own settings;
 * - asking for a format: a child (without JavaScript) and a carer ask; the IRO sees it on the caseload,
 *   marks it done; the child sees it done. axe in normal and large print on the new pages.
 */

/** The printed size of some text in points (CSS px × 0.75), and how it is aligned. */
async function printed(locator: Locator) {
	return locator.evaluate((el) => {
		const style = getComputedStyle(el);
		return { pt: parseFloat(style.fontSize) * 0.75, align: style.textAlign, color: style.color };
	});
}

async function postDisplay(page: Page, settings: Record<string, string>) {
	const response = await page.request.post('/settings?/display', {
		form: { ...settings, returnTo: '/' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

test('printed pages follow the reader’s text size, and an IRO prints one page in large print without changing theirs', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const iro = await createIro(browser);
	const { page } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(page, iro.username, iro.password);
	const name = capitalise(unique());
	const childId = await addChild(page, { fullName: `${name} Print`, preferredName: name });
	await scheduleMeeting(page, childId, 20);
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/\w+$/);
	const pack = page.url();
	const body = page.locator('section[aria-labelledby="pack-chair"] p').first();

	// Normal text: the printed page is as before.
	await page.emulateMedia({ media: 'print' });
	const normal = await printed(body);
	expect(normal.align).not.toBe('justify');

	// Large and extra large, the IRO's own setting: at least 16pt and 24pt on paper, never justified.
	await postDisplay(page, { text: 'large' });
	await page.goto(pack);
	const large = await printed(body);
	expect(large.pt).toBeGreaterThanOrEqual(16);
	expect(large.align).not.toBe('justify');
	await postDisplay(page, { text: 'xlarge', contrast: 'high' });
	await page.goto(pack);
	const xlarge = await printed(body);
	expect(xlarge.pt).toBeGreaterThanOrEqual(24);
	expect(xlarge.align).not.toBe('justify');
	// High contrast, chosen: black text on the paper.
	expect(xlarge.color).toBe('rgb(0, 0, 0)');

	// Back to normal: "Print in extra large print" prints this page at 24pt, for this print only.
	await postDisplay(page, { text: 'normal' });
	await page.emulateMedia({ media: 'screen' });
	await page.goto(pack);
	await page.getByRole('link', { name: 'Print in extra large print (at least 24 point)' }).click();
	await expect(page).toHaveURL(/\?print=xlarge$/);
	await expect(page.getByText('This page will print in extra large print, at least 24 point.')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
	expect((await printed(body)).pt).toBeLessThan(16);
	await page.emulateMedia({ media: 'print' });
	expect((await printed(body)).pt).toBeGreaterThanOrEqual(24);
	await expect(page.getByText('This page will print in extra large print')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await page.getByRole('link', { name: 'Print in large print (at least 16 point)' }).click();
	await page.emulateMedia({ media: 'print' });
	const once = await printed(body);
	expect(once.pt).toBeGreaterThanOrEqual(16);
	expect(once.pt).toBeLessThan(24);
	await page.emulateMedia({ media: 'screen' });
	// The IRO's own setting did not change.
	await page.goto(pack);
	await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
	await page.emulateMedia({ media: 'print' });
	expect((await printed(body)).pt).toBeLessThan(16);
	await page.emulateMedia({ media: 'screen' });

	// The welcome letter, shown again at "Extra large print": 24pt on paper, without JavaScript.
	await page.goto(`/iro/children/${childId}/letter`);
	await page.getByRole('button', { name: 'Issue a code and show the letter' }).click();
	await page.getByLabel('Print size').selectOption({ label: 'Extra large print (at least 24 point)' });
	await page.getByRole('button', { name: 'Show the letter in this language' }).click();
	await expect(page.getByText('This page will print in extra large print, at least 24 point.')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	const letter = await printed(page.locator('article.letter p').first());
	expect(letter.pt).toBeGreaterThanOrEqual(24);
	expect(letter.align).not.toBe('justify');
	await page.emulateMedia({ media: 'screen' });
	await axeBothSizes(browser, page, 'pack with print size links');
});

test('a child asks for a format without JavaScript, the IRO sees it on the caseload and marks it done, the child sees it done', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const iro = await createIro(browser);
	const { page: iroPage } = await newDevice(browser);
	await signIn(iroPage, iro.username, iro.password);
	const child = await childWithAccount(browser, iroPage);
	// The child's own browser, with scripts off.
	const noJs = await browser.newContext({
		storageState: await child.context.storageState(),
		javaScriptEnabled: false
	});
	const page = await noJs.newPage();

	await page.goto('/me');
	await page.getByRole('link', { name: 'Get your papers in a different way' }).click();
	await expect(page).toHaveURL('/me/formats');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get your papers in a different way');
	await expect(page.getByText('Your IRO will see what you ask for.')).toBeVisible();
	await expect(page.getByText('Nothing asked for yet.')).toBeVisible();
	await axeBothSizes(browser, page, 'child asks for a format');

	// Sent empty: what to fix is named, nothing is stored.
	await page.getByRole('button', { name: 'Send my request' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'Choose how you would like it',
		'Choose which one'
	]);
	await expect(page).toHaveTitle(/^Error/);
	// An interpreter needs a language: what was typed stays.
	await page.getByLabel('Someone to interpret at my meeting').check();
	await page.getByLabel('Anything else your IRO should know?').fill('My mum speaks it too');
	await page.getByRole('button', { name: 'Send my request' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'Choose a language, or type it'
	]);
	await expect(page.getByLabel('Anything else your IRO should know?')).toHaveValue('My mum speaks it too');
	await expect(page.getByLabel('Someone to interpret at my meeting')).toBeChecked();
	await page.getByLabel('Which language?').selectOption({ label: 'Tigrinya (ትግርኛ)' });
	await page.getByRole('button', { name: 'Send my request' }).click();
	await expect(page).toHaveURL('/me/formats?done=asked');
	await expect(page.getByText('Your request has been sent. Your IRO can see it now.')).toBeVisible();
	const asked = page.locator('.asked > li');
	await expect(asked).toHaveCount(1);
	await expect(asked.first()).toContainText('Someone to interpret at my meeting (language: Tigrinya (ትግርኛ))');
	await expect(asked.first()).toContainText('Not done yet');
	// A second: the letter in Braille.
	await page.getByLabel('Braille on paper').check();
	await page.getByLabel('The letter after the meeting').check();
	await page.getByRole('button', { name: 'Send my request' }).click();
	await expect(asked).toHaveCount(2);
	await axeBothSizes(browser, page, 'child’s format requests');

	// The IRO: a line and a count on the caseload, the requests on the child's page.
	await iroPage.goto('/iro');
	await expect(
		iroPage.getByText('2 requests for a format or language are waiting on your caseload.')
	).toBeVisible();
	await iroPage.getByRole('link', { name: '2 format requests' }).click();
	await expect(iroPage).toHaveURL(`/iro/children/${child.childId}/formats`);
	const requests = iroPage.locator('.format-requests > li');
	await expect(requests).toHaveCount(2);
	const interpreter = requests.filter({ hasText: 'An interpreter at the meeting' });
	await expect(interpreter).toContainText('Tigrinya (ትግርኛ)');
	await expect(interpreter).toContainText('My mum speaks it too');
	await expect(interpreter).toContainText('(the child)');
	await axeBothSizes(browser, iroPage, 'IRO’s format requests');
	await interpreter.getByLabel('A note for the person who asked').fill('Booked for your meeting');
	await interpreter.getByRole('button', { name: 'Mark as done' }).click();
	await expect(
		iroPage.getByText('Marked as done. The person who asked will see this on their page.')
	).toBeVisible();
	await expect(requests.filter({ hasText: 'An interpreter at the meeting' })).toContainText('Done on');
	await iroPage.goto(`/iro/children/${child.childId}`);
	await expect(iroPage.getByText('1 format request', { exact: true })).toBeVisible();
	await iroPage.goto('/iro');
	await expect(
		iroPage.getByText('1 request for a format or language is waiting on your caseload.')
	).toBeVisible();

	// The child sees it done, with the IRO's note.
	await page.goto('/me/formats');
	const done = asked.filter({ hasText: 'Someone to interpret at my meeting' });
	await expect(done).toContainText('Done on');
	await expect(done).toContainText('Booked for your meeting');
	await expect(asked.filter({ hasText: 'Braille on paper' })).toContainText('Not done yet');

	// The reports count them by format and by language.
	await iroPage.goto('/iro/reports');
	const figure = iroPage.getByRole('region', { name: /Requests made in the period/ });
	await expect(figure.getByRole('row', { name: /An interpreter at the meeting/ })).toContainText('1');
	await expect(figure.getByRole('row', { name: /Language: Tigrinya/ })).toContainText('1');
	await noJs.close();
});

test('a carer asks for a letter in a language the portal does not have', async ({ browser }) => {
	test.setTimeout(300_000);
	const iro = await createIro(browser);
	const { page: iroPage } = await newDevice(browser);
	await signIn(iroPage, iro.username, iro.password);
	const name = capitalise(unique());
	const childId = await addChild(iroPage, { fullName: `${name} Carer`, preferredName: name });
	const carerName = `Lena ${capitalise(unique())}`;
	const { page } = await carerWithAccount(browser, iroPage, childId, carerName);

	await page.goto(`/carer/children/${childId}`);
	await page
		.getByRole('link', { name: `Ask for papers about ${name} in another format or language` })
		.click();
	await expect(page).toHaveURL(`/carer/children/${childId}/formats`);
	await expect(page.getByText(`${name}'s IRO will see your request.`)).toBeVisible();
	await page.getByLabel('Translated into another language').check();
	await page.getByLabel('The welcome letter').check();
	await page.getByLabel('Which language?').selectOption({ label: 'Another language (type it below)' });
	await page.getByLabel('If the language is not in the list, type it here').fill('Oromo');
	await page.getByRole('button', { name: 'Send the request' }).click();
	await expect(page.getByText(`Your request has been sent. ${name}'s IRO can see it now.`)).toBeVisible();
	await expect(page.locator('.asked > li')).toContainText('language: Oromo');
	await axeBothSizes(browser, page, 'carer’s format requests');

	await iroPage.goto('/iro');
	await expect(iroPage.getByRole('link', { name: '1 format request' })).toBeVisible();
	await iroPage.goto(`/iro/children/${childId}/formats`);
	const request = iroPage.locator('.format-requests > li');
	await expect(request).toContainText('Translated into another language: The welcome letter');
	await expect(request).toContainText('Oromo');
	await expect(request).toContainText(`${carerName} (parent or carer)`);
	// Another IRO's child: 404.
	const other = await page.request.get('/carer/children/not-a-child/formats');
	expect(other.status()).toBe(404);
});
