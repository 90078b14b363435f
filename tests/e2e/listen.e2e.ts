import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';
import {
	axeBothSizes,
	childWithCode,
	hydrated,
	join,
	londonDay,
	newDevice,
	setDisplay,
	signIn
} from './flow-helpers';
import { answerRow, continueTo, expectPictures, pick } from './say-helpers';

/**
 * Issue 13, listening and pictures: "Read this page to me" on the child's and carer's pages, with a
 * fake speech API (this machine has no voices), and the picture version for a child of any age.
 */

interface FakeVoice {
	lang: string;
	name: string;
}

interface Spoken {
	text: string;
	lang: string;
	rate: number;
	voice: string | null;
}

/** The Web Speech API as a recorder: what is spoken is logged; the test says when a sentence ends. */
function fakeSpeech({ voices }: { voices: FakeVoice[] }) {
	type Utterance = {
		text: string;
		lang: string;
		rate: number;
		voice: FakeVoice | null;
		onstart: ((e: unknown) => void) | null;
		onend: ((e: unknown) => void) | null;
		onerror: ((e: unknown) => void) | null;
		onboundary: ((e: unknown) => void) | null;
	};
	const state = {
		log: [] as Array<{ text: string; lang: string; rate: number; voice: string | null }>,
		current: null as Utterance | null,
		paused: false,
		cancels: 0,
		finish() {
			const u = state.current;
			state.current = null;
			u?.onend?.({ type: 'end' });
		}
	};
	class FakeUtterance {
		text: string;
		lang = '';
		rate = 1;
		voice: FakeVoice | null = null;
		onstart = null;
		onend = null;
		onerror = null;
		onboundary = null;
		constructor(text: string) {
			this.text = text;
		}
	}
	const synth = {
		getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true })),
		speak(u: Utterance) {
			state.log.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null });
			state.current = u;
			setTimeout(() => {
				u.onstart?.({ type: 'start' });
				u.onboundary?.({ type: 'boundary', name: 'word', charIndex: 0 });
			}, 0);
		},
		pause() {
			state.paused = true;
		},
		resume() {
			state.paused = false;
		},
		cancel() {
			state.cancels++;
			const u = state.current;
			state.current = null;
			u?.onerror?.({ type: 'error', error: 'interrupted' });
		},
		addEventListener() {},
		removeEventListener() {}
	};
	Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
	Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
	(window as unknown as { __speech: typeof state }).__speech = state;
}

const ENGLISH: FakeVoice[] = [{ lang: 'en-GB', name: 'Fake English' }];

const spoken = (page: Page): Promise<Spoken[]> =>
	page.evaluate(() => (window as unknown as { __speech: { log: Spoken[] } }).__speech.log);
const finishSentence = (page: Page) =>
	page.evaluate(() => (window as unknown as { __speech: { finish: () => void } }).__speech.finish());
const speechState = (page: Page) =>
	page.evaluate(() => {
		const s = (window as unknown as { __speech: { paused: boolean; current: unknown } }).__speech;
		return { paused: s.paused, speaking: s.current !== null };
	});
/** The words the page highlights now (the CSS highlight's range), spaces joined. */
const highlighted = (page: Page) =>
	page.evaluate(() => {
		const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('read-aloud');
		return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ').trim()).join(' ') : null;
	});
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

test('Sam’s home is read to him sentence by sentence, highlighted, with pause, speed and stop', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.addInitScript(fakeSpeech, { voices: ENGLISH });
	await signIn(page, 'sam');
	await page.goto('/me');
	await hydrated(page);
	const control = page.getByRole('group', { name: 'Read aloud' });
	const read = control.getByRole('button', { name: 'Read this page to me' });
	await expect(read).toBeVisible();
	// Nothing speaks unless asked, and nothing is announced: the control has no live region.
	expect(await spoken(page)).toEqual([]);
	await expect(control.locator('[aria-live], [role="status"], [role="alert"]')).toHaveCount(0);
	const box = await read.boundingBox();
	expect(box!.height).toBeGreaterThanOrEqual(44);

	await read.focus();
	await page.keyboard.press('Enter');
	await expect.poll(async () => (await spoken(page)).length).toBe(1);
	// The first sentence of the page's main content, in English, with the English voice, at normal speed.
	const [first] = await spoken(page);
	expect(first).toMatchObject({ lang: 'en', rate: 1, voice: 'Fake English' });
	await expect.poll(() => highlighted(page)).toBe(first.text);
	await expect(page.locator('main [data-reading]')).toContainText(first.text);
	// Focus stays on the button the reader pressed, which now pauses.
	expect(await focusedText(page)).toBe('Pause');

	// Sentence by sentence, in the order of the page's main content, each highlighted as it is read.
	for (let i = 0; i < 4; i++) {
		await finishSentence(page);
		await expect.poll(async () => (await spoken(page)).length).toBe(i + 2);
	}
	const log = await spoken(page);
	// The page's heading is one of them, read on its own.
	const heading = (await page.locator('main h1').innerText()).replace(/\s+/g, ' ').trim();
	expect(log.map((s) => s.text)).toContain(heading);
	const mainText = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
	let from = 0;
	for (const { text } of log) {
		const at = mainText.indexOf(text, from);
		expect(at, `“${text}” in order in main`).toBeGreaterThanOrEqual(from);
		from = at + text.length;
	}
	// Not the control, the navigation or the quick exit.
	expect(log.map((s) => s.text).join(' ')).not.toMatch(/Read this page to me|Quick exit|My agenda/);
	await expect.poll(() => highlighted(page)).toBe(log[4].text);
	await expect(page.locator('main [data-reading]')).toHaveCount(1);
	const outline = await page
		.locator('main [data-reading]')
		.evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(outline).toBe('dashed');

	// The control open: axe in normal and large print.
	await expectNoAxeViolations(page, 'read aloud playing (normal)');

	// Pause and carry on.
	await control.getByRole('button', { name: 'Pause' }).click();
	expect((await speechState(page)).paused).toBe(true);
	await expect(control.getByRole('button', { name: 'Carry on reading' })).toBeFocused();
	await control.getByRole('button', { name: 'Carry on reading' }).click();
	expect((await speechState(page)).paused).toBe(false);

	// Faster: the sentence being read is said again at the new rate.
	await control.getByRole('radio', { name: 'Faster' }).check();
	await expect.poll(async () => (await spoken(page)).length).toBe(6);
	const again = (await spoken(page))[5];
	expect(again.text).toBe(log[4].text);
	expect(again.rate).toBeGreaterThan(1);
	await finishSentence(page);
	await expect.poll(async () => (await spoken(page))[6]?.rate).toBeGreaterThan(1);

	// Stop: silence, no highlight, and focus back on the button that starts again.
	await control.getByRole('button', { name: 'Stop reading' }).click();
	expect((await speechState(page)).speaking).toBe(false);
	await expect(read).toBeFocused();
	expect(await highlighted(page)).toBeNull();
	await expect(page.locator('[data-reading]')).toHaveCount(0);
	await expect(control.getByRole('button', { name: 'Stop reading' })).toHaveCount(0);

	// Large print, high contrast: the control open still passes axe and the highlight still shows.
	await setDisplay(page, 'xlarge');
	const contrast = await page.request.post('/settings?/display', {
		form: { text: 'xlarge', contrast: 'high', returnTo: '/' },
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(contrast.status()).toBe(303);
	await page.reload();
	await hydrated(page);
	await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
	await page.getByRole('button', { name: 'Read this page to me' }).click();
	await expect.poll(() => highlighted(page)).toBe(first.text);
	const mark = await page.locator('main [data-reading]').evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(mark).toBe('dashed');
	await expectNoAxeViolations(page, 'read aloud playing (large print, high contrast)');
	await page.getByRole('button', { name: 'Stop reading' }).click();
	await setDisplay(page, 'normal');
});

test('Zainab’s Arabic page is read with an Arabic voice, and says so plainly when the device has none', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const withVoice = await newDevice(browser);
	await withVoice.page.addInitScript(fakeSpeech, {
		voices: [...ENGLISH, { lang: 'ar-SA', name: 'Fake Arabic' }]
	});
	await signIn(withVoice.page, 'zainab');
	await withVoice.page.goto('/me');
	await hydrated(withVoice.page);
	await expect(withVoice.page.locator('html')).toHaveAttribute('lang', 'ar');
	await withVoice.page.getByRole('button', { name: 'اقرأ لي هذه الصفحة' }).click();
	await expect.poll(async () => (await spoken(withVoice.page)).length).toBe(1);
	const [first] = await spoken(withVoice.page);
	expect(first.lang).toBe('ar');
	expect(first.voice).toBe('Fake Arabic');
	const main = (await withVoice.page.locator('main').innerText()).replace(/\s+/g, ' ');
	expect(main).toContain(first.text);
	await withVoice.context.close();

	const without = await newDevice(browser);
	await without.page.addInitScript(fakeSpeech, { voices: ENGLISH });
	await signIn(without.page, 'zainab');
	await without.page.goto('/me');
	await hydrated(without.page);
	const control = without.page.getByRole('group', { name: 'القراءة بصوت عالٍ' });
	await expect(control).toContainText('لا يوجد في هذا الجهاز صوت لهذه اللغة');
	await expect(control.getByRole('button')).toHaveCount(0);
	expect(await spoken(without.page)).toEqual([]);
	await expectNoAxeViolations(without.page, 'read aloud without an Arabic voice');
	await without.context.close();
});

test('there is no read-aloud control without JavaScript, without speech, or on staff pages', async ({
	browser
}) => {
	const noScript = await newDevice(browser, { javaScriptEnabled: false });
	await noScript.page.goto('/signin');
	await noScript.page.getByLabel('Username or email address').fill('sam');
	await noScript.page.getByLabel('Password', { exact: true }).fill('voicebox demo 2026');
	await noScript.page.getByRole('button', { name: 'Sign in' }).click();
	await noScript.page.waitForURL((url) => url.pathname.startsWith('/me'));
	await expect(noScript.page.locator('main h1')).toBeVisible();
	await expect(noScript.page.getByRole('button', { name: 'Read this page to me' })).toHaveCount(0);
	await noScript.context.close();

	const noSpeech = await newDevice(browser);
	await noSpeech.page.addInitScript(() => {
		Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
	});
	await signIn(noSpeech.page, 'helen');
	await hydrated(noSpeech.page);
	await expect(noSpeech.page.locator('main h1')).toBeVisible();
	await expect(noSpeech.page.getByRole('button', { name: 'Read this page to me' })).toHaveCount(0);
	await noSpeech.context.close();

	const carer = await newDevice(browser);
	await carer.page.addInitScript(fakeSpeech, { voices: ENGLISH });
	await signIn(carer.page, 'helen');
	await hydrated(carer.page);
	await expect(carer.page.getByRole('button', { name: 'Read this page to me' })).toBeVisible();
	await carer.context.close();

	const staff = await newDevice(browser);
	await staff.page.addInitScript(fakeSpeech, { voices: ENGLISH });
	await signIn(staff.page, 'amina');
	await hydrated(staff.page);
	await expect(staff.page.getByRole('button', { name: 'Read this page to me' })).toHaveCount(0);
	await staff.context.close();
});

test('a 13-year-old with “use the picture version” gets pictures; they switch it off and on themselves, without JavaScript', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	await signIn(page, 'amina');
	const { tag, name, childId, code } = await childWithCode(page, {
		first: 'Noor',
		dateOfBirth: londonDay(-(13 * 365 + 100))
	});

	// The IRO sets it on the child's record.
	await page.goto(`/iro/children/${childId}`);
	const details = page.locator('section[aria-labelledby="details-title"]');
	await expect(details).toContainText(`Off: ${name} sees the version of My say for their age`);
	await details.getByRole('button', { name: 'Use the picture version' }).click();
	await expect(page.getByText(`The picture version is now on for ${name}.`)).toBeVisible();
	await expect(details).toContainText(`On: ${name} sees My say with pictures and simpler words`);
	await axeBothSizes(browser, page, 'child record with the picture version');

	// The child, on a browser without JavaScript.
	const device = await newDevice(browser, { javaScriptEnabled: false });
	const child = device.page;
	await join(child, code, `noor.${tag}`, `purple kite ${tag}`);
	await child.goto('/me/say');
	await expect(child.getByRole('group', { name: 'Is a grown-up helping you?' })).toBeVisible();
	await expect(
		child.locator('main').getByText('The picture version is on: My say has pictures and simpler words.')
	).toBeVisible();

	// They switch it off on My say: the form for their age, with no grown-up question.
	await child.getByRole('button', { name: 'Stop using the picture version' }).click();
	await expect(child).toHaveURL('/me/say');
	await expect(child.locator('main').getByText('The picture version is off.')).toBeVisible();
	await expect(child.getByRole('group', { name: 'Is a grown-up helping you?' })).toHaveCount(0);

	// …and on again in their settings.
	await child.goto('/settings');
	await child.getByRole('button', { name: 'Use the picture version' }).click();
	await expect(child).toHaveURL('/settings');
	await expect(
		child.getByText('The picture version is on: My say has pictures and simpler words.')
	).toBeVisible();

	await child.goto('/me/say');
	await pick(child, 'Is a grown-up helping you?', 'No, I am doing it on my own');
	await child.getByRole('button', { name: 'Start' }).click();
	await expect(child).toHaveURL('/me/say/feelings');
	await expectPictures(child.getByRole('group', { name: 'At home', exact: true }), 5);
	await pick(child, 'At home', 'Happy');
	await pick(child, 'At school or nursery', 'Worried');
	await pick(child, 'About family time', 'Sad');
	await continueTo(child, '/me/say/good');
	const good = child.getByRole('group', { name: 'Pick the pictures that show good things' });
	await good.getByRole('checkbox', { name: 'Pets' }).check();
	await good.getByRole('checkbox', { name: 'Food' }).check();
	for (const next of ['/me/say/worries', '/me/say/dreams', '/me/say/check']) await continueTo(child, next);
	// The check page shows the pictures beside the words.
	const row = answerRow(child, 'Good things (pictures)');
	await expectPictures(row, 2);
	await expect(row).toContainText('Pets, Food');
	await child.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(child.getByRole('status')).toHaveText('Thank you! Your answers have gone to your IRO.');
	await device.context.close();

	// The IRO's pack: pictures beside the answers, as for a 4–7-year-old.
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/[a-z0-9]+$/);
	const said = page.locator('section[aria-labelledby="pack-say"]');
	await expect(said).toContainText('Pets');
	await expectPictures(said, 3 + 2);

	// The child's own changes are in the record's audit trail beside the IRO's.
	await page.goto(`/iro/children/${childId}/audit`);
	await expect(page.getByRole('cell', { name: 'Switched on the picture version' })).toHaveCount(2);
	await expect(page.getByRole('cell', { name: 'Switched off the picture version' })).toHaveCount(1);
});

test('the child’s picture-version switch passes axe in normal and large print', async ({ page, browser }) => {
	await signIn(page, 'jordan');
	await page.goto('/settings');
	await expect(page.getByRole('button', { name: 'Use the picture version' })).toBeVisible();
	await axeBothSizes(browser, page, 'settings with the picture version switch');
});
