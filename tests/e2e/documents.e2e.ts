import type { APIResponse, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import { setDisplay, wholeCaseload } from './flow-helpers';

/**
 * Braille and audio versions (issue 13): Sam downloads his letter from his IRO as a BRF file and as
 * an MP3, the IRO downloads the same letter from the preview, Zainab's agenda and My say come in
 * Arabic (the Arabic voice and the Arabic Braille code), and the pages with the new links pass axe in
 * normal and extra-large text. Read-only on the demo's records (display settings are put back).
 */
test.describe.configure({ timeout: 300_000 });

/** A BRF: 25 lines a page (CR LF), pages split by a form feed, no line over 40 cells, ASCII only. */
function expectBrf(body: string) {
	expect(body).toMatch(/^[\x20-\x7e\r\n\f]+$/);
	const pages = body.split('\f');
	expect(pages.length).toBeGreaterThan(0);
	for (const page of pages) {
		const lines = page.split('\r\n').slice(0, -1);
		expect(lines).toHaveLength(25);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
	}
	// The braille page number ends the last line of each page: #a, #b …
	expect(pages[0].split('\r\n')[24].trim()).toBe('#A');
}

/** An MP3 of a spoken document: MPEG frames (or an ID3 tag) and more than a few seconds at 32 kbit/s. */
async function expectMp3(response: APIResponse, lang: string) {
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('audio/mpeg');
	expect(response.headers()['content-language']).toBe(lang);
	const bytes = await response.body();
	const frame = bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0;
	const id3 = bytes.subarray(0, 3).toString('latin1') === 'ID3';
	expect(frame || id3).toBe(true);
	expect(bytes.length).toBeGreaterThan(20_000);
}

async function openFirstLetter(page: Page) {
	await page.goto('/me/letters');
	await page.locator('a[href^="/me/letters/"]').first().click();
	await expect(page).toHaveURL(/\/me\/letters\/\w+$/);
}

test('Sam downloads his letter in Braille (BRF, grade 2 and grade 1) and as audio (MP3)', async ({
	page
}) => {
	await signIn(page, 'sam');
	await openFirstLetter(page);
	const braille = page.getByRole('link', { name: 'Download in Braille (BRF)' });
	await expect(braille).toHaveAttribute('data-braille-download', '');
	const [download] = await Promise.all([page.waitForEvent('download'), braille.click()]);
	expect(download.suggestedFilename()).toBe('letter.brf');

	const brf = await page.request.get((await braille.getAttribute('href'))!);
	expect(brf.status()).toBe(200);
	expect(brf.headers()['content-type']).toContain('application/x-brf');
	expect(brf.headers()['content-disposition']).toBe('attachment; filename="letter.brf"');
	expect(brf.headers()['content-language']).toBe('en');
	const contracted = await brf.text();
	expectBrf(contracted);
	// "A letter from your IRO" in UEB grade 2: "letter" and "your" are shortforms, "from" the wordsign F.
	expect(contracted).toContain(',A LR F YR ,,IRO');

	const grade1 = page.getByRole('link', { name: 'Download in uncontracted Braille (grade 1, BRF)' });
	const uncontracted = await page.request.get((await grade1.getAttribute('href'))!);
	expect(uncontracted.headers()['content-disposition']).toBe('attachment; filename="letter-grade-1.brf"');
	const text1 = await uncontracted.text();
	expectBrf(text1);
	expect(text1).toContain(',A LETTER FROM YOUR ,,IRO');

	const audio = page.locator('a[data-audio-download]');
	await expect(audio).toHaveText('Download as audio (MP3)');
	const mp3 = await page.request.get((await audio.getAttribute('href'))!);
	expect(mp3.headers()['content-disposition']).toBe('attachment; filename="letter.mp3"');
	await expectMp3(mp3, 'en');
});

test('the IRO downloads the letter from the preview, exactly the words the child reads', async ({ page }) => {
	await signIn(page, 'amina');
	await wholeCaseload(page);
	await page.getByRole('link', { name: 'Samuel Carter' }).first().click();
	const outcomes = page.locator('a[href$="/outcomes"]').last();
	const letterPath = (await outcomes.getAttribute('href'))!.replace(/\/outcomes$/, '/letter');
	await page.goto(letterPath);
	const braille = page.locator('a[data-braille-download]').first();
	const brf = await page.request.get((await braille.getAttribute('href'))!);
	expect(brf.status()).toBe(200);
	const body = await brf.text();
	expectBrf(body);
	expect(body).toContain(',A LR F YR ,,IRO');
	await expect(page.locator('a[data-audio-download]')).toHaveCount(1);
});

test('Zainab’s agenda and My say come in Arabic: the Arabic voice and the Arabic Braille code', async ({
	page
}) => {
	await signIn(page, 'zainab');
	await page.goto('/me/agenda');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	const audio = page.locator('a[data-audio-download]');
	await expect(audio).toHaveAttribute('hreflang', 'ar');
	await expectMp3(await page.request.get((await audio.getAttribute('href'))!), 'ar');
	const brf = await page.request.get((await page.locator('a[data-braille-download]').getAttribute('href'))!);
	expect(brf.headers()['content-language']).toBe('ar');
	expectBrf(await brf.text());
	await page.goto('/me/say');
	const sayAudio = await page.request.get(
		(await page.locator('a[data-audio-download]').getAttribute('href'))!
	);
	await expectMp3(sayAudio, 'ar');
	expect(sayAudio.headers()['content-disposition']).toBe('attachment; filename="my-say.mp3"');
});

test('a format the language has no code for, or an unknown format, is 404', async ({ page }) => {
	await signIn(page, 'zainab');
	expect((await page.request.get('/me/agenda/download/brf-grade-1')).status()).toBe(404);
	expect((await page.request.get('/me/agenda/download/wav')).status()).toBe(404);
});

// One test for both sizes: Sam's display setting is his account's, so two tests at once would race.
test('axe: the pages with Braille and audio links, in normal and extra-large text', async ({ page }) => {
	test.setTimeout(180_000);
	await signIn(page, 'sam');
	try {
		for (const text of ['normal', 'xlarge'] as const) {
			await setDisplay(page, text);
			await openFirstLetter(page);
			for (const path of [page.url(), '/me/agenda', '/me/chair/running-order', '/me/say', '/accessibility']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-text', text);
				await expectNoAxeViolations(page, `${path} (${text})`);
			}
			await expect(
				page.getByText('There is no Braille file yet in Malay, Pashto and Albanian')
			).toBeVisible();
		}
	} finally {
		await setDisplay(page, 'normal');
	}
});
