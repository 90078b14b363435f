import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import config from '../../playwright.config';
import {
	axeBothSizes,
	carerWithAccount,
	childWithAccount,
	childWithCode,
	hydrated,
	join,
	newDevice
} from './flow-helpers';
import { conversationId, device } from './messages-helpers';
import { PNG, WEBM, recording } from '../unit/support/audio-heads';

/**
 * Answers by voice (issue 13): a child records a My say answer and a message with Chromium's fake
 * microphone; the IRO plays them in the pack and the thread; nobody else can fetch the audio (404).
 * Without JavaScript the file input is the way: a file that is not audio is refused, what was typed kept.
 */
// The project's browser, with Chromium's fake microphone that records without asking.
test.use({
	launchOptions: {
		...config.use?.launchOptions,
		args: [
			...(config.use?.launchOptions?.args ?? []),
			'--use-fake-device-for-media-stream',
			'--use-fake-ui-for-media-stream'
		]
	}
});

/** Records about two seconds for the question or message the buttons name. */
async function record(page: Page, about: string) {
	await page.getByRole('button', { name: `Record (${about})` }).click();
	const stop = page.getByRole('button', { name: `Stop (${about})` });
	await expect(stop).toBeFocused();
	await expect(page.getByText('Recording now')).toBeVisible();
	await expect(page.locator('[data-voice-live]').filter({ hasText: 'Recording started.' })).toHaveCount(1);
	await page.waitForTimeout(2200);
	await stop.click();
	const listen = page.getByLabel(`Listen back: ${about}`);
	await expect(listen).toHaveAttribute('src', /^blob:/);
	await expect(listen).toBeFocused();
	await expect(
		page.locator('[data-voice-live]').filter({ hasText: /Recording stopped after 0:0[1-3]/ })
	).toHaveCount(1);
	await expect(page.getByRole('button', { name: `Record again (${about})` })).toBeVisible();
	await expect(page.getByRole('button', { name: `Remove (${about})` })).toBeVisible();
}

/** The audio behind an <audio> element, fetched with `page`'s session: status, type, caching. */
async function fetchAudio(page: Page, src: string) {
	const response = await page.request.get(src);
	return {
		status: response.status(),
		type: response.headers()['content-type'] ?? '',
		cache: response.headers()['cache-control'] ?? '',
		bytes: response.status() === 200 ? (await response.body()).length : 0
	};
}

/** Another child, a carer, another IRO: none of them can fetch it. */
async function nobodyElse(browser: Browser, src: string) {
	for (const login of ['sam', 'helen', 'ben']) {
		const other = await device(browser, login);
		expect([login, (await fetchAudio(other.page, src)).status]).toEqual([login, 404]);
		await other.context.close();
	}
}

test('a child records a My say answer, listens back, sends it, and the IRO plays it in the pack', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	await signIn(page, 'amina');
	const { tag, name, childId, code } = await childWithCode(page, { first: 'Vic', dateOfBirth: '2014-06-15' });
	const child = await newDevice(browser, { permissions: ['microphone'] });
	const kid = child.page;
	await join(kid, code, `vic.${tag}`, `quiet river ${tag}`);
	await kid.goto('/me/say');
	await kid.getByRole('button', { name: 'Start' }).click();
	await expect(kid).toHaveURL('/me/say/good');
	await hydrated(kid);

	// The recorder appears (the file input stays for browsers that cannot record); nothing records yet.
	const group = kid.getByRole('group', { name: 'Answer by voice (if you want to)', exact: true });
	await expect(group).toBeVisible();
	await expect(kid.getByLabel('Or choose a sound recording from this device')).toBeHidden();
	await record(kid, 'Good things');
	await expectNoAxeViolations(kid, 'My say recorder, recorded');
	// Record again, then keep the second one.
	await kid.getByRole('button', { name: 'Record again (Good things)' }).click();
	await expect(kid.getByRole('button', { name: 'Stop (Good things)' })).toBeFocused();
	await kid.waitForTimeout(1500);
	await kid.getByRole('button', { name: 'Stop (Good things)' }).click();
	await expect(kid.getByLabel('Listen back: Good things')).toHaveAttribute('src', /^blob:/);
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/worries');

	// Back on the page: the saved recording plays from its own address, and can be removed.
	await kid.goto('/me/say/good');
	await hydrated(kid);
	const saved = kid.getByLabel('Your recording: Good things');
	await expect(saved).toHaveAttribute('src', /^\/voice\/[a-z0-9]+$/);
	await expect(kid.getByRole('button', { name: 'Remove recording (Good things)' })).toBeVisible();
	await axeBothSizes(browser, kid, 'My say with a saved voice answer');

	// A voice answer stands alone: no words needed to send.
	await kid.goto('/me/say/check');
	await expect(kid.getByText('Answer by voice', { exact: true })).toBeVisible();
	await kid.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(kid).toHaveURL(/\/me\/say\/check\?sent=1$/);
	await child.context.close();
	expect(child.csp, 'CSP violations').toEqual([]);

	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/[a-z0-9]+$/);
	const say = page.getByRole('region', { name: `What ${name} said (My say)` });
	const audio = say.locator('[data-voice-answer] audio');
	await expect(audio).toHaveCount(1);
	await expect(say.locator('[data-voice-answer]')).toContainText('Good things');
	const src = (await audio.getAttribute('src'))!;
	const played = await fetchAudio(page, src);
	expect(played.status).toBe(200);
	expect(played.type).toMatch(/^audio\/(webm|ogg|mp4)$/);
	expect(played.cache).toBe('private, no-store');
	expect(played.bytes).toBeGreaterThan(500);
	await expectNoAxeViolations(page, 'pack with a voice answer');

	// "Only my IRO" (the default): a manager without a reason, and everyone else, get 404.
	const manager = await device(browser, 'manager');
	expect((await fetchAudio(manager.page, src)).status).toBe(404);
	await manager.context.close();
	await nobodyElse(browser, src);
});

test('a child records a voice message and the IRO plays it in the thread', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	const kid = child.page;
	await kid.goto('/me/messages');
	await hydrated(kid);
	// The recorder's buttons are named after the message box ("Your message to <IRO>").
	const about = 'Your message to Amina Rahman';
	await record(kid, about);
	await kid.getByRole('button', { name: 'Send message' }).click();
	await expect(kid.getByText('Your message has been sent to Amina Rahman.')).toBeVisible();
	const mine = kid.locator('.thread audio');
	await expect(mine).toHaveCount(1);
	// The form is empty again: no recording waiting.
	await expect(kid.getByRole('button', { name: `Record (${about})` })).toBeVisible();
	await expect(kid.getByLabel(`Listen back: ${about}`)).toHaveCount(0);
	await child.context.close();

	const id = await conversationId(page, new RegExp(child.name));
	await page.goto(`/iro/conversations/${id}`);
	const audio = page.locator('.thread audio');
	await expect(audio).toHaveCount(1);
	await expect(page.getByText('Voice message', { exact: true })).toBeVisible();
	const src = (await audio.getAttribute('src'))!;
	const played = await fetchAudio(page, src);
	expect([played.status, played.cache]).toEqual([200, 'private, no-store']);
	expect(played.type).toMatch(/^audio\//);
	await expectNoAxeViolations(page, 'thread with a voice message');
	await nobodyElse(browser, src);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a file that is not audio is refused with the words kept; a recording is saved, then removed', async ({
		page,
		browser
	}) => {
		test.setTimeout(120_000);
		const iro = await device(browser, 'amina');
		const { tag, code } = await childWithCode(iro.page, { first: 'Nia', dateOfBirth: '2014-06-15' });
		await iro.context.close();
		await join(page, code, `nia.${tag}`, `still lake ${tag}`);
		await page.goto('/me/say');
		await page.getByRole('button', { name: 'Start' }).click();
		await expect(page).toHaveURL('/me/say/good');

		const words = `Football on Saturdays ${tag}`;
		await page.getByLabel('What is going well for you?').fill(words);
		const input = page.getByLabel('Or choose a sound recording from this device');
		await input.setInputFiles({ name: 'answer.webm', mimeType: 'audio/webm', buffer: Buffer.from(PNG) });
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		const message =
			'The file must be a sound recording (WebM, Ogg or M4A). Record again or choose another file';
		await expect(page.getByRole('alert').getByRole('link', { name: message })).toBeVisible();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(input).toHaveAccessibleDescription(
			new RegExp(`Error: ${message.replace(/[().]/g, '\\$&')}`)
		);
		await expect(page.getByLabel('What is going well for you?')).toHaveValue(words);

		await input.setInputFiles({
			name: 'recording.webm',
			mimeType: 'audio/webm',
			buffer: Buffer.from(recording(WEBM, 20_000))
		});
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page).toHaveURL('/me/say/worries');
		await page.goto('/me/say/good');
		const saved = page.getByLabel('Your recording: Good things');
		const src = (await saved.getAttribute('src'))!;
		expect((await fetchAudio(page, src)).status).toBe(200);
		await page.getByRole('button', { name: 'Remove recording (Good things)' }).click();
		await expect(page.getByText('Your recording has been removed.')).toBeVisible();
		await expect(page.getByLabel('Your recording: Good things')).toHaveCount(0);
		await expect(page.getByLabel('What is going well for you?')).toHaveValue(words);
		expect((await fetchAudio(page, src)).status).toBe(404);
	});
});

test('an answer by voice shared with everyone at the meeting: the child’s carer hears it once it is sent', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	await signIn(page, 'amina');
	const { tag, childId, code } = await childWithCode(page, { first: 'Wren', dateOfBirth: '2013-02-11' });
	const carer = await carerWithAccount(browser, page, childId, `Carer ${tag}`);
	const child = await newDevice(browser, { permissions: ['microphone'] });
	const kid = child.page;
	await join(kid, code, `wren.${tag}`, `tall cedar ${tag}`);
	await kid.goto('/me/say');
	await kid.getByRole('button', { name: 'Start' }).click();
	await expect(kid).toHaveURL('/me/say/good');
	await hydrated(kid);
	await record(kid, 'Good things');
	await kid.getByRole('radio', { name: 'Everyone at my meeting' }).first().check();
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/worries');

	// Not sent yet: the carer's page has nothing of it, and its address answers 404.
	await kid.goto('/me/say/good');
	const src = (await kid.getByLabel('Your recording: Good things').getAttribute('src'))!;
	expect((await fetchAudio(carer.page, src)).status).toBe(404);

	await kid.goto('/me/say/check');
	await kid.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(kid).toHaveURL(/\/me\/say\/check\?sent=1$/);
	await child.context.close();

	// The carer (without JavaScript) hears it beside the words the child shared with everyone.
	await carer.page.goto(`/carer/children/${childId}`);
	const shared = carer.page.getByRole('region', { name: /wants everyone at the meeting to know/ });
	const audio = shared.locator('[data-voice-answer] audio');
	await expect(audio).toHaveCount(1);
	await expect(audio).toHaveAttribute('src', src);
	await expect(audio).toHaveAttribute('aria-label', 'Listen: Good things');
	const played = await fetchAudio(carer.page, src);
	expect([played.status, played.cache]).toEqual([200, 'private, no-store']);
	await axeBothSizes(browser, carer.page, 'carer page with a shared voice answer');
	// Another family's carer still gets 404.
	const helen = await device(browser, 'helen');
	expect((await fetchAudio(helen.page, src)).status).toBe(404);
	await helen.context.close();
	await carer.context.close();
});
