import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, BASE_URL } from './fixtures';
import {
	childWithAccount,
	createIro,
	hydrated,
	issueCode,
	join,
	londonDay,
	newDevice,
	setDisplay,
	signIn,
	unique
} from './flow-helpers';
import { meetingThatHasPassed, writeUpAsHeld } from './review-helpers';

/**
 * After the meeting: the IRO writes what happened to each thing on the child's agenda and the
 * decisions, writes and sends "A letter from your IRO"; the child reads it (English, and Arabic right
 * to left), prints it in large print and finds it again; a carer sees only what was shared with
 * carers; the follow-up list; another IRO and another child get 404. Each test uses an IRO and
 * children of its own (display settings change), and reads demo data only (Sam's overdue follow-up).
 */

const post = { origin: BASE_URL, accept: 'text/html' };

/** A carer added to the child through the IRO's form, who then joins with their code. */
async function carerWithAccount(browser: Browser, iro: Page, childId: string, fullName: string) {
	await iro.goto(`/iro/children/${childId}/carers/new`);
	await hydrated(iro);
	const form = iro.locator('form[action="?/add"]');
	await form.getByLabel('Full name').fill(fullName);
	await form.getByLabel('Who they are to the child').fill('Foster carer');
	await form.getByLabel('Email address').fill(`${unique()}@example.com`);
	await form.getByRole('button', { name: 'Add and link' }).click();
	await expect(iro).toHaveURL(/carerAdded=1/);
	const code = await issueCode(iro, childId, `Issue a code for ${fullName}`);
	const device = await newDevice(browser);
	const tag = unique();
	await join(device.page, code, `carer.${tag}`, `garden gate ${tag}`);
	return device;
}

/** The child adds things to their agenda as soon as their meeting is booked (before it starts). */
async function addAgendaWhenBooked(page: Page, items: string[]) {
	const field = page.getByLabel('What do you want to talk about?');
	await expect(async () => {
		await page.goto('/me/agenda');
		await expect(field).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 30_000 });
	for (const text of items) {
		await hydrated(page);
		await field.fill(text);
		await page.getByRole('button', { name: 'Add to my agenda' }).click();
		await expect(page.getByRole('status')).toContainText(text);
	}
}

/** Axe in normal and extra-large text for the signed-in user of `page` on each path. */
async function axeBothSizes(page: Page, paths: string[]) {
	for (const mode of ['normal', 'xlarge'] as const) {
		await setDisplay(page, mode);
		for (const path of paths) {
			await page.goto(path);
			await expectNoAxeViolations(page, `${path} (${mode})`);
		}
	}
	await setDisplay(page, 'normal');
}

async function addDecision(
	page: Page,
	d: { text: string; who: string; name?: string; days: number; child?: string; carers?: boolean }
) {
	await hydrated(page);
	await page.getByLabel('What was decided', { exact: true }).fill(d.text);
	await page.getByLabel('Who will do it').selectOption({ label: d.who });
	if (d.name) await page.getByLabel('Their name (if you know it)').fill(d.name);
	await page.getByLabel('By when').fill(londonDay(d.days));
	if (d.child) await page.getByLabel(`Put it in the letter to ${d.child}`).check();
	if (d.carers) await page.getByLabel('Share it with parents and carers').check();
	await page.getByRole('button', { name: 'Add the decision' }).click();
	await expect(page.getByText('The decision is added.')).toBeVisible();
}

test('an IRO writes what happened and the decisions, sends the letter; the child reads and prints it; a carer sees only what is shared; others get 404', async ({
	page,
	browser
}) => {
	test.setTimeout(600_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);
	const carer = await carerWithAccount(browser, page, child.childId, `Carol ${unique()}`);
	const tag = unique();
	const brother = `Seeing my brother ${tag}`;
	const bike = `A new bike ${tag}`;

	// The review is booked, the child builds an agenda before it starts, then the IRO writes it up as held.
	const [meetingId] = await Promise.all([
		meetingThatHasPassed(page, child.childId),
		addAgendaWhenBooked(child.page, [brother, bike])
	]);
	await writeUpAsHeld(page, child.childId, meetingId);
	const base = `/iro/children/${child.childId}/meetings/${meetingId}`;

	// What happened to each agenda item, in the child's order.
	await page.goto(`/iro/children/${child.childId}`);
	await page.getByRole('link', { name: 'What was decided' }).click();
	await expect(page).toHaveURL(`${base}/outcomes`);
	const labels = await page
		.locator('textarea[name^="outcome-"]')
		.evaluateAll((fields) =>
			fields.map((f) => document.querySelector(`label[for="${f.id}"]`)?.textContent ?? '')
		);
	expect(labels).toEqual([`What happened to: ${brother}`, `What happened to: ${bike}`]);
	await hydrated(page);
	await page.getByLabel(`What happened to: ${brother}`).fill('You will see him every other Saturday.');
	await page.getByLabel(`What happened to: ${bike}`).fill('Your carer will help you choose one.');
	await page.getByRole('button', { name: 'Save what happened' }).click();
	await expect(page.getByText('What happened to each item is saved.')).toBeVisible();
	await expect(page.getByLabel(`What happened to: ${bike}`)).toHaveValue(
		'Your carer will help you choose one.'
	);

	// A decision without its words is refused, keeping what was typed.
	await hydrated(page);
	await page.getByLabel('Their name (if you know it)').fill('Priya');
	await page.getByRole('button', { name: 'Add the decision' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter what was decided');
	await expect(page.getByRole('alert')).toContainText('Choose who will do it');
	await expect(page.getByLabel('Their name (if you know it)')).toHaveValue('Priya');

	const shared = `Family time with your brother every other Saturday ${tag}`;
	const childOnly = `We will ask school about a bike shed ${tag}`;
	const privateOne = `Update the care plan ${tag}`;
	await addDecision(page, {
		text: shared,
		who: 'Social worker',
		name: 'Priya',
		days: 30,
		child: child.name,
		carers: true
	});
	await addDecision(page, { text: childOnly, who: 'School or college', days: 14, child: child.name });
	await addDecision(page, { text: privateOne, who: 'IRO', days: 7 });

	// The letter: the IRO's own words, a preview of exactly what the child will see, then send.
	await page.getByRole('link', { name: `Write the letter to ${child.name}` }).click();
	await expect(page).toHaveURL(`${base}/letter`);
	await hydrated(page);
	const thanks = `You were so brave at your meeting, ${child.name}! ${tag}`;
	await page.getByLabel('Your own words: thank you').fill(thanks);
	await page.getByRole('button', { name: 'Save and show the preview' }).click();
	await expect(page.getByText('The draft is saved. The preview shows it.')).toBeVisible();
	const preview = page.getByRole('region', { name: `Preview: what ${child.name} will see` });
	await expect(preview).toContainText('A letter from your IRO');
	await expect(preview).toContainText(thanks);
	await expect(preview).toContainText(brother);
	await expect(preview).toContainText('You will see him every other Saturday.');
	await expect(preview).toContainText(shared);
	await expect(preview).toContainText(childOnly);
	await expect(preview).not.toContainText(privateOne);
	const previewText = await preview.locator('article').innerText();
	await axeBothSizes(page, [`${base}/outcomes`, `${base}/letter`]);
	await page.goto(`${base}/letter`);
	await hydrated(page);
	await page.getByRole('button', { name: `Send the letter to ${child.name}` }).click();
	await expect(
		page.getByText(`The letter is sent. ${child.name} can read it on their home page in Voicebox.`)
	).toBeVisible();
	await expect(page.getByRole('button', { name: `Send the letter to ${child.name}` })).toHaveCount(0);
	await axeBothSizes(page, [`${base}/letter`]);

	// The child: "A letter from your IRO" on their home, exactly as previewed, printable in large print.
	await child.page.goto('/me');
	const card = child.page.getByRole('region', { name: 'A letter from your IRO' });
	await expect(card).toBeVisible();
	await card.getByRole('link', { name: 'Read your letter' }).click();
	await expect(child.page).toHaveURL(/\/me\/letters\/\w+$/);
	const letterPath = new URL(child.page.url()).pathname;
	await expect(child.page.getByRole('heading', { level: 1, name: 'A letter from your IRO' })).toBeVisible();
	expect(await child.page.locator('article').innerText()).toBe(previewText);
	await expect(child.page.getByRole('button', { name: 'Print in big letters' })).toBeVisible();
	await child.page.emulateMedia({ media: 'print' });
	await expect(child.page.locator('article.letter')).toHaveCSS('font-size', '24px');
	await expect(child.page.getByRole('button', { name: 'Print in big letters' })).toBeHidden();
	await child.page.emulateMedia({ media: 'screen' });
	await child.page.goto('/me/letters');
	await expect(child.page.locator(`a[href="${letterPath}"]`)).toBeVisible();
	await axeBothSizes(child.page, ['/me', '/me/letters', letterPath]);

	// The carer sees only the decision shared with carers.
	await carer.page.goto(`/carer/children/${child.childId}`);
	const decided = carer.page.getByRole('region', { name: 'What was decided' });
	await expect(decided).toContainText(shared);
	await expect(decided).toContainText('Social worker: Priya');
	await expect(decided).not.toContainText(childOnly);
	await expect(carer.page.getByText(privateOne)).toHaveCount(0);
	await expect(carer.page.getByText('You will see him every other Saturday.')).toHaveCount(0);
	await axeBothSizes(carer.page, [`/carer/children/${child.childId}`]);

	// The follow-up list: open decisions; marking one done needs a note and records it.
	await page.goto('/iro');
	await page.getByRole('link', { name: 'Follow-ups' }).click();
	await expect(page).toHaveURL('/iro/follow-ups');
	const open = page.getByRole('region', { name: /^Open/ });
	await expect(open).toContainText(shared);
	await expect(open).toContainText(privateOne);
	const item = page.getByRole('listitem').filter({ hasText: childOnly });
	const decisionId = await item.locator('input[name="decision"]').inputValue();
	await item.getByRole('button', { name: /^Mark done/ }).click();
	await expect(page.getByRole('alert')).toContainText('Enter a short note about what was done');
	const note = `School agreed to a bike shed ${tag}`;
	await hydrated(page);
	await page
		.getByRole('listitem')
		.filter({ hasText: childOnly })
		.getByLabel('Note: what was done')
		.fill(note);
	await page
		.getByRole('listitem')
		.filter({ hasText: childOnly })
		.getByRole('button', { name: /^Mark done/ })
		.click();
	await expect(page.getByText('Marked done, with your note.')).toBeVisible();
	const done = page.getByRole('region', { name: /^Done/ });
	await expect(done).toContainText(childOnly);
	await expect(done).toContainText(note);
	await expect(page.getByRole('region', { name: /^Open/ })).not.toContainText(childOnly);
	await axeBothSizes(page, ['/iro/follow-ups']);

	// Another IRO: 404 on every page and action; another child: 404 on the letter.
	const amina = await newDevice(browser);
	await signIn(amina.page, 'amina');
	for (const path of [`${base}/outcomes`, `${base}/letter`]) {
		expect((await amina.page.request.get(path)).status(), path).toBe(404);
	}
	for (const [path, form] of [
		[`${base}/outcomes?/decide`, { text: 'Not mine', whoRole: 'iro', dueOn: londonDay(3) }],
		[`${base}/outcomes?/outcomes`, {}],
		[`${base}/outcomes?/remove`, { decision: decisionId }],
		[`${base}/letter?/save`, { thanks: 'Not mine' }],
		[`${base}/letter?/send`, { thanks: 'Not mine' }],
		['/iro/follow-ups?/done', { decision: decisionId, note: 'Not mine' }]
	] as const) {
		const response = await amina.page.request.post(path, { form, headers: post, maxRedirects: 0 });
		expect(response.status(), path).toBe(404);
	}
	const sam = await newDevice(browser);
	await signIn(sam.page, 'sam');
	expect((await sam.page.request.get(letterPath)).status()).toBe(404);
	await sam.page.goto('/me/letters');
	await expect(sam.page.locator(`a[href="${letterPath}"]`)).toHaveCount(0);

	// The caseload marks overdue follow-ups: Sam's last review has two (demo).
	await amina.page.goto('/iro');
	const samRow = amina.page.getByRole('row').filter({ hasText: 'Samuel Carter' });
	await expect(samRow.getByRole('link', { name: '2 overdue follow-ups' })).toBeVisible();

	for (const device of [child, carer, amina, sam]) await device.context.close();
});

test('without JavaScript an IRO writes to an Arabic-speaking child, who reads her letter in Arabic, right to left', async ({
	page,
	browser
}) => {
	test.setTimeout(600_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);
	// She speaks Arabic: her account's language, which her letter is written in.
	const language = await child.page.request.post('/settings?/language', {
		form: { language: 'ar', returnTo: '/' },
		headers: post,
		maxRedirects: 0
	});
	expect(language.status()).toBe(303);

	const meetingId = await meetingThatHasPassed(page, child.childId);
	await writeUpAsHeld(page, child.childId, meetingId);
	const base = `/iro/children/${child.childId}/meetings/${meetingId}`;

	// The IRO, with scripts off.
	const staff = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(staff.page, iro.username, iro.password);
	await staff.page.goto(`${base}/outcomes`);
	await expect(
		staff.page.getByText(`${child.name} did not put anything on their agenda for this review.`)
	).toBeVisible();
	const tag = unique();
	const decision = `Swimming lessons on Fridays ${tag}`;
	await staff.page.getByLabel('What was decided', { exact: true }).fill(decision);
	await staff.page.getByLabel('Who will do it').selectOption({ label: 'Carer' });
	await staff.page.getByLabel('By when').fill(londonDay(20));
	await staff.page.getByLabel(`Put it in the letter to ${child.name}`).check();
	await staff.page.getByRole('button', { name: 'Add the decision' }).click();
	await expect(staff.page.getByText('The decision is added.')).toBeVisible();
	const second = `A visit to the library ${tag}`;
	await staff.page.getByLabel('What was decided', { exact: true }).fill(second);
	await staff.page.getByLabel('Who will do it').selectOption({ label: 'Social worker' });
	await staff.page.getByLabel('By when').fill(londonDay(40));
	await staff.page.getByLabel(`Put it in the letter to ${child.name}`).check();
	await staff.page.getByRole('button', { name: 'Add the decision' }).click();
	await expect(staff.page.getByText('The decision is added.')).toBeVisible();

	await staff.page.getByRole('link', { name: `Write the letter to ${child.name}` }).click();
	// The set words default to her language; the preview is in Arabic, right to left.
	await expect(staff.page.getByLabel('Language of the set words')).toHaveValue('ar');
	const words = `Well done, ${child.name}! ${tag}`;
	await staff.page.getByLabel('Your own words: what happens next').fill(words);
	await staff.page.getByRole('button', { name: 'Save and show the preview' }).click();
	const preview = staff.page.getByRole('region', { name: `Preview: what ${child.name} will see` });
	await expect(preview.locator('article')).toHaveAttribute('dir', 'rtl');
	await expect(preview).toContainText('رسالة من مسؤول المراجعة الخاص بك');
	await expect(preview).toContainText(words);
	await staff.page.getByRole('button', { name: `Send the letter to ${child.name}` }).click();
	await expect(staff.page.getByText('The letter is sent.')).toBeVisible();

	// She reads it with scripts off: the page and the letter right to left, the set words in Arabic.
	const reader = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(reader.page, child.username, child.password);
	await reader.page.goto('/me');
	await expect(reader.page.locator('html')).toHaveAttribute('dir', 'rtl');
	await reader.page.getByRole('link', { name: 'اقرأ رسالتك' }).click();
	await expect(reader.page).toHaveURL(/\/me\/letters\/\w+$/);
	const letter = reader.page.locator('article');
	await expect(letter).toHaveAttribute('lang', 'ar');
	await expect(letter).toHaveAttribute('dir', 'rtl');
	await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText('رسالة من مسؤول المراجعة الخاص بك');
	await expect(letter).toContainText('ما قرّرناه');
	await expect(letter).toContainText('شكرًا لك');
	await expect(letter).toContainText(decision);
	await expect(letter).toContainText(second);
	await expect(letter).toContainText(words);
	// Her own words keep their direction inside the Arabic letter.
	await expect(letter.locator('.iro-words')).toHaveAttribute('dir', 'auto');
	// Axe needs scripts: the same pages on her own device, in Arabic.
	const letterPath = new URL(reader.page.url()).pathname;
	for (const path of [letterPath, '/me/letters', '/me']) {
		await child.page.goto(path);
		await expect(child.page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expectNoAxeViolations(child.page, `${path} in Arabic`);
	}

	for (const device of [child, staff, reader]) await device.context.close();
});
