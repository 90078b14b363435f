import type { Locator, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, BASE_URL } from './fixtures';
import {
	addChild,
	capitalise,
	hydrated,
	issueCode,
	join,
	londonDay,
	newDevice,
	unique,
	setDisplay,
	scheduleMeeting
} from './flow-helpers';

/**
 * "My say": the child's consultation before their meeting. Sam (9) answers it
 * without JavaScript, stops half-way and carries on, sends it, then changes an answer with
 * JavaScript (autosave). A new 5-year-old does the version "with a grown-up". Only these tests write
 * Sam's and Zainab's answers; Sam's display and language are never changed.
 */

const post = { origin: BASE_URL, accept: 'text/html' };
/** What "Check your answers" says of an answer for everyone: who reads it, and from when. */
const EVERYONE_CHECK =
	'Everyone at your meeting: once you send it, your IRO and the grown-ups who look after you can read this';
/** After sending answers for everyone, to a child whose carer has a Voicebox account (Sam: Helen). */
const SENT_SHARED =
	'Thank you! Your answers have gone to your IRO. The grown-ups who look after you can now read the answers you marked “Everyone at my meeting”.';

/** A row of "Check your answers", by its question. */
function answerRow(page: Page, question: string): Locator {
	return page.locator('dl > div').filter({ has: page.locator('dt').getByText(question, { exact: true }) });
}

/** The picture version's one "Who can see this?" for a page of several questions. */
const PAGE_WHO = 'Who can see your answers on this page?';

function who(page: Page, question: string) {
	return page.getByRole('group', { name: `Who can see this? (${question})` });
}

async function pick(page: Page, group: string, option: string) {
	await page
		.getByRole('group', { name: group, exact: true })
		.getByRole('radio', { name: option, exact: true })
		.check();
}

async function continueTo(page: Page, path: string | RegExp) {
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(path);
}

// Sam's answers are shared by the first tests here, so this file runs in order, in one worker.
test.describe.configure({ mode: 'default' });

test('Sam answers without JavaScript, stops half-way and carries on, sends, then changes an answer with JavaScript', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const tag = unique();

	// Without JavaScript: the start page explains My say, then the first two pages.
	const first = await newDevice(browser, { javaScriptEnabled: false });
	let page = first.page;
	await signIn(page, 'sam');
	await page.goto('/me/say');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My say');
	await expect(page.getByText('We keep your answers as you go.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Who can see your answers' })).toBeVisible();
	await page.getByRole('button', { name: 'Start' }).click();

	await expect(page).toHaveURL('/me/say/good');
	await expect(page.getByText('Question 1 of 7')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is going well for you?');
	await expect(who(page, 'Good things').getByRole('radio', { name: 'Only my IRO' })).toBeChecked();
	await page.getByLabel('What is going well for you?').fill(`Football with my friends ${tag}`);
	await expect(
		page.getByRole('radio', { name: 'Everyone at my meeting' }).first()
	).toHaveAccessibleDescription(
		'My IRO, and the grown-ups who look after me, can read it on Voicebox after I send it.'
	);
	await who(page, 'Good things').getByRole('radio', { name: 'Everyone at my meeting' }).check();
	await continueTo(page, '/me/say/worries');
	await expect(page.getByText('Question 2 of 7')).toBeVisible();
	await page.getByLabel('What worries you?').fill(`Moving school ${tag}`);
	await continueTo(page, '/me/say/dreams');
	// Half-way: the browser is closed.
	await first.context.close();

	// Another day, another browser (still no JavaScript): carry on where he left off.
	const second = await newDevice(browser, { javaScriptEnabled: false });
	page = second.page;
	await signIn(page, 'sam');
	await page.goto('/me/say');
	await expect(page.getByText('2 of 7 pages done')).toBeVisible();
	await page.getByRole('button', { name: 'Carry on where you left off' }).click();
	await expect(page).toHaveURL('/me/say/dreams');
	await expect(page.getByText('Question 3 of 7')).toBeVisible();
	await page.getByLabel('What are your hopes and dreams?').fill(`A dog called Biscuit ${tag}`);
	await continueTo(page, '/me/say/scalesHome');

	// Scales: what 0 and 10 mean comes before the choices.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How are things at home?');
	const home = page.getByRole('group', { name: 'How happy are you where you live?' });
	await expect(home.getByText('0 means very unhappy')).toBeVisible();
	await expect(home.getByText('10 means very happy')).toBeVisible();
	await expect(home.getByRole('radio')).toHaveCount(11);
	await pick(page, 'How happy are you where you live?', '8');
	await pick(page, 'How safe do you feel?', '9');
	await who(page, 'Feeling safe').getByRole('radio', { name: 'Everyone at my meeting' }).check();
	await continueTo(page, '/me/say/scalesLife');
	await pick(page, 'How are things at school or college?', '6');
	await continueTo(page, '/me/say/change');

	// Back saves the page and goes back; nothing typed is lost.
	await page.getByLabel('What would you change?').fill(`More family time ${tag}`);
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page).toHaveURL('/me/say/scalesLife');
	await expect(
		page
			.getByRole('group', { name: 'How are things at school or college?' })
			.getByRole('radio', { name: '6' })
	).toBeChecked();
	await continueTo(page, '/me/say/change');
	await expect(page.getByLabel('What would you change?')).toHaveValue(`More family time ${tag}`);
	await continueTo(page, '/me/say/anythingElse');
	await continueTo(page, '/me/say/check');

	// Check your answers: each answer, who can see it, "Not answered" for what he skipped.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
	await expect(answerRow(page, 'Good things')).toContainText(`Football with my friends ${tag}`);
	await expect(answerRow(page, 'Good things')).toContainText(EVERYONE_CHECK);
	await expect(answerRow(page, 'Worries')).toContainText(
		'Only for your IRO (sometimes their manager may read it to help you)'
	);
	await expect(answerRow(page, 'Happy where I live')).toContainText('8 out of 10');
	await expect(answerRow(page, 'Feeling safe')).toContainText(EVERYONE_CHECK);
	await expect(answerRow(page, 'Health')).toContainText('Not answered');
	await expect(answerRow(page, 'Anything else')).toContainText('Not answered');
	await expect(page.getByRole('link', { name: 'Change Worries' })).toHaveAttribute(
		'href',
		'/me/say/worries?returnTo=check#worries'
	);
	await page.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(page).toHaveURL('/me/say/check?sent=1');
	await expect(page.getByRole('status')).toHaveText(SENT_SHARED);
	await expect(
		page.getByText(/^You sent this on .+; you can still change it until your meeting starts\.$/)
	).toBeVisible();
	await expect(page.getByRole('button', { name: /Send/ })).toHaveCount(0);
	await second.context.close();

	// With JavaScript: change an answer; it is saved as he types, and Continue comes back to the check.
	const third = await newDevice(browser);
	page = third.page;
	await signIn(page, 'sam');
	await page.goto('/me/say/check');
	await hydrated(page);
	await page.getByRole('link', { name: 'Change Worries' }).click();
	await expect(page).toHaveURL('/me/say/worries?returnTo=check#worries');
	await hydrated(page);
	await expect(page.getByLabel('What worries you?')).toHaveValue(`Moving school ${tag}`);
	await page.getByLabel('What worries you?').fill(`Moving school, and my new teacher ${tag}`);
	await expect(page.getByRole('status')).toHaveText(/^Saved at /, { timeout: 10_000 });
	await page.reload();
	await expect(page.getByLabel('What worries you?')).toHaveValue(`Moving school, and my new teacher ${tag}`);
	await hydrated(page);
	await continueTo(page, '/me/say/check');
	await expect(answerRow(page, 'Worries')).toContainText(`Moving school, and my new teacher ${tag}`);
	await expect(page.getByText('You changed some answers after you sent them.')).toBeVisible();
	await page.getByRole('button', { name: 'Send my changes to my IRO' }).click();
	await expect(page).toHaveURL('/me/say/check?sent=1');
	await expect(page.getByRole('status')).toHaveText(SENT_SHARED);
	await page.goto('/me/say');
	await expect(page.getByText(/^You sent your answers on /)).toBeVisible();
	await third.context.close();
	expect(third.csp, 'CSP violations').toEqual([]);
});

test('an over-long answer, a scale out of range and an unknown "who can see" are refused, and what was typed is kept', async ({
	page
}) => {
	await signIn(page, 'sam');
	const long = `${'I have a lot to say. '.repeat(95)}${'x'.repeat(10)}`;
	expect([...long].length).toBe(2005);
	const tooLong = await page.request.post('/me/say/anythingElse?/save', {
		form: {
			anythingElse: long,
			'anythingElse-who': 'everyone',
			loadedAt: String(Date.now()),
			go: 'continue'
		},
		headers: post,
		maxRedirects: 0
	});
	expect(tooLong.status()).toBe(400);
	let html = await tooLong.text();
	expect(html).toContain('<title>Error: Is there anything else your IRO should know? – Voicebox</title>');
	expect(html).toContain('Your answer is too long: it has 2005 characters. Use 2000 or fewer.');
	expect(html).toContain(`${long.trim()}</textarea>`);
	expect(html).toMatch(/name="anythingElse-who" value="everyone" checked/);

	const scale = await page.request.post('/me/say/scalesLife?/save', {
		form: { scaleSchool: '11', scaleHealth: '4', loadedAt: String(Date.now()) },
		headers: post,
		maxRedirects: 0
	});
	expect(scale.status()).toBe(400);
	html = await scale.text();
	expect(html).toContain('Choose a number from 0 to 10');
	expect(html).toMatch(/name="scaleHealth" value="4" checked/);

	for (const bad of ['-1', '5.5', 'ten']) {
		const response = await page.request.post('/me/say/scalesLife?/save', {
			form: { scaleFriends: bad },
			headers: post,
			maxRedirects: 0
		});
		expect(response.status(), bad).toBe(400);
	}
	const visibility = await page.request.post('/me/say/anythingElse?/save', {
		form: { anythingElse: 'hello', 'anythingElse-who': 'the whole school' },
		headers: post,
		maxRedirects: 0
	});
	expect(visibility.status()).toBe(400);
	expect(await visibility.text()).toContain('Choose who can see this');

	// Sam's form has no picture pages; a step that is not in his version does not exist.
	expect((await page.request.get('/me/say/feelings', { maxRedirects: 0 })).status()).toBe(404);

	// In the browser: the error summary, and the text still there to shorten.
	await page.goto('/me/say/anythingElse');
	await hydrated(page);
	await page.getByLabel('Is there anything else your IRO should know?').fill(long);
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.getByLabel('Is there anything else your IRO should know?')).toHaveValue(long.trim());
	await expectNoAxeViolations(page, 'My say, answer too long');
});

test('two windows: the last save wins, and the other window’s text is shown, not lost', async ({
	browser
}) => {
	const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(page, 'sam');
	const other = await context.newPage();
	await page.goto('/me/say/anythingElse');
	await other.goto('/me/say/anythingElse');
	const tag = unique();
	await page.getByLabel('Is there anything else your IRO should know?').fill(`From window one ${tag}`);
	await continueTo(page, '/me/say/check');
	await other.getByLabel('Is there anything else your IRO should know?').fill(`From window two ${tag}`);
	await other.getByRole('button', { name: 'Continue' }).click();
	await expect(other.getByRole('alert')).toContainText('You changed this answer in another window too');
	await expect(other.getByRole('alert')).toContainText(`From window one ${tag}`);
	await expect(other.getByLabel('Is there anything else your IRO should know?')).toHaveValue(
		`From window two ${tag}`
	);
	await continueTo(other, '/me/say/check');
	await expect(answerRow(other, 'Anything else')).toContainText(`From window two ${tag}`);
	await context.close();
});

test('axe: the start, a text page, a scales page and the check page (Sam, normal text)', async ({ page }) => {
	await signIn(page, 'sam');
	for (const path of ['/me/say', '/me/say/good', '/me/say/scalesHome', '/me/say/check']) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
		await expectNoAxeViolations(page, `${path} (normal)`);
	}
});

test(
	'axe: My say in large print and in Arabic (Zainab, 12)',
	{ lock: 'zainab-display' },
	async ({ page }) => {
		await signIn(page, 'zainab');
		await setDisplay(page, 'xlarge');
		try {
			for (const path of ['/me/say', '/me/say/good', '/me/say/scalesLife', '/me/say/check']) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
				await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
				await expectNoAxeViolations(page, `${path} (xlarge, Arabic)`);
			}
		} finally {
			await setDisplay(page, 'normal');
		}
		await page.goto('/me/say/scalesHome');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('data-text', 'normal');
		await expect(page.getByRole('radio')).toHaveCount(3 * 11 + 3 * 2);
		await expectNoAxeViolations(page, '/me/say/scalesHome (Arabic)');
	}
);

test('a 5-year-old does My say with a grown-up: faces and pictures', async ({ page, browser }) => {
	test.setTimeout(300_000);
	const tag = unique();
	const name = capitalise(tag);
	await signIn(page, 'amina');
	const childId = await addChild(page, {
		fullName: `Poppy ${name}`,
		preferredName: name,
		dateOfBirth: londonDay(-(5 * 365 + 120))
	});
	await scheduleMeeting(page, childId, 20);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);

	const device = await newDevice(browser);
	const child = device.page;
	await join(child, code, `poppy.${tag}`, `rainbow unicorn ${tag}`);
	await child.goto('/me/say');
	await hydrated(child);
	await expect(child.getByText('A grown-up can help you.')).toBeVisible();
	await expectNoAxeViolations(child, 'My say start (4–7)');
	// The form asks first whether a grown-up is helping.
	await child.getByRole('button', { name: 'Start' }).click();
	await expect(child.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(child.locator('.error-summary')).toContainText('Choose yes or no');
	await pick(child, 'Is a grown-up helping you?', 'Yes, a grown-up is helping me');
	await child.getByRole('button', { name: 'Start' }).click();

	// Faces: big choices with words; the pictures (shipped, not the device's emoji) are decoration.
	await expect(child).toHaveURL('/me/say/feelings');
	await expect(child.getByText('Question 1 of 4')).toBeVisible();
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('How do you feel?');
	const atHome = child.getByRole('group', { name: 'At home', exact: true });
	await expect(atHome.getByRole('radio')).toHaveCount(5);
	await expect(atHome.locator('img').first()).toHaveAttribute('src', '/pictures/emoji_u1f600.svg');
	await expect(atHome.locator('img').first()).toHaveAttribute('alt', '');
	await expectNoAxeViolations(child, 'My say feelings (4–7)');
	// Three questions, and "Who can see this?" asked once for all of them.
	await expect(child.getByRole('group', { name: /^Who can see/ })).toHaveCount(1);
	await expect(child.getByRole('group', { name: PAGE_WHO })).toBeVisible();
	await hydrated(child);
	await pick(child, 'At home', 'Happy');
	await pick(child, 'At school or nursery', 'Worried');
	await pick(child, 'About family time', 'Sad');
	await continueTo(child, '/me/say/good');

	// Pictures: checkbox cards, and a few words a grown-up can write.
	await expect(child.getByRole('heading', { level: 1 })).toHaveText('What is good?');
	const pictures = child.getByRole('group', { name: 'Pick the pictures that show good things' });
	await expect(pictures.getByRole('checkbox')).toHaveCount(8);
	await expectNoAxeViolations(child, 'My say pictures (4–7)');
	await pictures.getByRole('checkbox', { name: 'Pets' }).check();
	await pictures.getByRole('checkbox', { name: 'Food' }).check();
	await child.getByLabel('Tell your IRO in a few words').fill(`My cat Mittens ${tag}`);
	// One "Who can see this?" for the page: the choice reaches the pictures and the words.
	await expect(child.getByRole('group', { name: /^Who can see/ })).toHaveCount(1);
	await child
		.getByRole('group', { name: PAGE_WHO })
		.getByRole('radio', { name: 'Everyone at my meeting' })
		.check();
	await continueTo(child, '/me/say/worries');
	await child
		.getByRole('group', { name: 'Pick the pictures that show your worries' })
		.getByRole('checkbox', { name: 'Nothing worries me' })
		.check();
	await continueTo(child, '/me/say/dreams');
	await child
		.getByRole('group', { name: 'Pick the pictures that show your wishes' })
		.getByRole('checkbox', { name: 'A holiday' })
		.check();
	await continueTo(child, '/me/say/check');

	await expect(answerRow(child, 'A grown-up helped me')).toContainText('Yes');
	await expect(answerRow(child, 'How I feel at home')).toContainText('Happy');
	await expect(answerRow(child, 'How I feel at school')).toContainText('Worried');
	await expect(answerRow(child, 'Good things (pictures)')).toContainText('Pets, Food');
	await expect(answerRow(child, 'Good things (words)')).toContainText(`My cat Mittens ${tag}`);
	await expect(answerRow(child, 'Good things (words)')).toContainText(EVERYONE_CHECK);
	await expect(answerRow(child, 'Good things (pictures)')).toContainText(EVERYONE_CHECK);
	await expect(answerRow(child, 'How I feel at home')).not.toContainText(EVERYONE_CHECK);
	await expect(answerRow(child, 'Worries (words)')).toContainText('Not answered');
	await expect(answerRow(child, 'Wishes (pictures)')).toContainText('A holiday');
	await expectNoAxeViolations(child, 'My say check (4–7)');
	await child.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(child.getByRole('status')).toHaveText('Thank you! Your answers have gone to your IRO.');

	// The IRO's pack: both answers on the "good things" page are for everyone; the faces stay private.
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	const packAnswer = (question: string) =>
		page.locator('li.answer').filter({ has: page.getByText(question, { exact: true }) });
	await expect(packAnswer('Good things (pictures)')).toContainText('Everyone at the meeting');
	await expect(packAnswer('Good things (words)')).toContainText('Everyone at the meeting');
	await expect(packAnswer('How they feel at home')).toContainText('Private: only for the IRO');
	await expect(packAnswer('How they feel at school')).toContainText('Private: only for the IRO');

	// Pictures only from the list; a face only from the faces.
	const bad = await child.request.post('/me/say/good?/save', {
		form: { goodPictures: 'unicorn', goodWords: 'hi' },
		headers: post,
		maxRedirects: 0
	});
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain('Choose pictures from the list');
	const face = await child.request.post('/me/say/feelings?/save', {
		form: { feelHome: 'ecstatic' },
		headers: post,
		maxRedirects: 0
	});
	expect(face.status()).toBe(400);
	expect(await face.text()).toContain('Choose one of the faces');
	// An older child's question is not in this version.
	expect((await child.request.get('/me/say/scalesHome', { maxRedirects: 0 })).status()).toBe(404);
	await device.context.close();
	expect(device.csp, 'CSP violations').toEqual([]);
});
