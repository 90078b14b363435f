import type { APIResponse, Locator, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, BASE_URL } from './fixtures';
import { setDisplay } from './flow-helpers';
import { hydrated, t, uniqueText } from './messages-helpers';

/**
 * The child gets ready: "My agenda" (add, change, remove, reorder by keyboard and without
 * JavaScript), chairing and the printed running order, "About my meeting" and asking for support.
 * Tests share one database, so each writes unique texts and looks only for those.
 * Locks: 'sam-agenda' (Sam's agenda order and chair choice), 'sam-support' (Sam's support
 * requests), 'zainab-display' (changes Zainab's display settings or fills her agenda).
 */

const en = (key: string, params: Record<string, string> = {}) => t('en', 'prepare', key, params);
const q = (text: string) => `“${text}”`;

const post = (page: Page, path: string, form: Record<string, string>): Promise<APIResponse> =>
	page.request.post(path, { form, headers: { origin: BASE_URL, accept: 'text/html' }, maxRedirects: 0 });

/** The agenda list (its accessible name is checked in English in the first test). */
const agendaList = (page: Page) => page.locator('ol.agenda');
const itemTexts = (page: Page) => agendaList(page).locator('.agenda-text').allTextContents();
const itemOf = (page: Page, text: string): Locator =>
	agendaList(page)
		.getByRole('listitem')
		.filter({ has: page.getByText(text, { exact: true }) });

async function expectBefore(page: Page, first: string, second: string) {
	await expect
		.poll(async () => {
			const texts = await itemTexts(page);
			return texts.indexOf(first) >= 0 && texts.indexOf(first) < texts.indexOf(second);
		})
		.toBe(true);
}

async function addItem(page: Page, text: string) {
	await page.getByLabel(en('agenda.textLabel')).fill(text);
	await page.getByRole('button', { name: en('agenda.add') }).click();
	await expect(page.getByRole('status')).toHaveText(en('agenda.added', { item: q(text) }));
}

/** Fills a field and checks it kept the text (hydration on a busy machine can reset what was typed). */
async function fillSettled(field: Locator, value: string) {
	await expect(async () => {
		await field.fill(value);
		await field.page().waitForTimeout(250);
		expect(await field.inputValue()).toBe(value);
	}).toPass();
}

async function meetingIdOn(page: Page): Promise<string> {
	return (await page.locator('input[name="meetingId"]').first().inputValue()) || '';
}

test(
	'Sam builds his agenda: a starter, his own words, reordered by keyboard and without JavaScript, changed and removed',
	{
		lock: 'sam-agenda'
	},
	async ({ page, browser }) => {
		const football = uniqueText('Football club');
		const bedtime = uniqueText('Bedtime');
		await signIn(page, 'sam');
		await page.goto('/me/agenda');
		await expect(page.getByRole('heading', { level: 1, name: 'My agenda' })).toBeVisible();
		await hydrated(page);

		// A starter, in one tap.
		const starters = page.getByRole('region', { name: en('agenda.startersTitle') });
		const starter = starters.getByRole('button').first();
		const starterName = (await starter.getAttribute('value'))!;
		const starterText = en(`starters.${starterName}`);
		await expect(starter).toHaveAccessibleName(en('agenda.addStarter', { item: q(starterText) }));
		await starter.click();
		await expect(page.getByRole('status')).toHaveText(en('agenda.added', { item: q(starterText) }));
		await expect(page.getByRole('list', { name: en('agenda.listLabel') })).toBeVisible();
		await expect(itemOf(page, starterText)).toContainText(
			'You will raise it. Only for your IRO (sometimes their manager may read it to help you).'
		);
		await expect(starters.getByRole('button', { name: new RegExp(starterText) })).toHaveCount(0);

		// His own words: raised by his IRO, seen by everyone.
		await page.getByLabel(en('agenda.textLabel')).fill(football);
		await page
			.getByRole('group', { name: en('agenda.raiserLegend') })
			.getByLabel(en('agenda.raiserIro'))
			.check();
		await page
			.getByRole('group', { name: en('agenda.visibilityLegend') })
			.getByLabel(en('agenda.visibilityEveryone'))
			.check();
		await page.getByRole('button', { name: en('agenda.add') }).click();
		await expect(page.getByRole('status')).toHaveText(en('agenda.added', { item: q(football) }));
		await expect(itemOf(page, football)).toContainText(
			'Your IRO will raise it for you. Everyone at your meeting can see it.'
		);
		await expect(page.getByLabel(en('agenda.textLabel'))).toHaveValue('');
		await expect(page.getByLabel(en('agenda.raiserMe'))).toBeChecked();
		await addItem(page, bedtime);
		await expectBefore(page, football, bedtime);

		// By keyboard: focus "Move up" and press Enter; the item moves and keeps focus.
		const bedtimeUp = page.getByRole('button', { name: `Move up: ${q(bedtime)}` });
		// It shows "Move up", and its name starts with what it shows (a voice-control user says "Move up").
		await expect(bedtimeUp).toHaveText('Move up');
		await bedtimeUp.focus();
		await page.keyboard.press('Enter');
		await expectBefore(page, bedtime, football);
		await expect(page.getByRole('status')).toHaveText(/^“Bedtime .+” is now number \d+ of \d+\.$/);
		await expect(page.locator(':focus')).toHaveAccessibleName(`Move up: ${q(bedtime)}`);

		// Without JavaScript: a plain form post, and focus comes back to the button that was pressed.
		const noJs = await browser.newContext({ javaScriptEnabled: false });
		const plain = await noJs.newPage();
		await signIn(plain, 'sam');
		await plain.goto('/me/agenda');
		await expectBefore(plain, bedtime, football);
		await plain.getByRole('button', { name: `Move up: ${q(football)}` }).click();
		await expectBefore(plain, football, bedtime);
		// The post was followed by a redirect: reloading shows the page, and sends nothing again.
		await expect(plain).toHaveURL(/\/me\/agenda\?done=moved&item=\w+&dir=up$/);
		await expect(plain.getByRole('status')).toContainText(q(football));
		await expect(plain.locator(':focus')).toHaveAccessibleName(
			new RegExp(`^Move (up|down): ${q(football)}$`)
		);
		// …and adds an item the same way, with its confirm step for removing.
		const plainText = uniqueText('No script');
		await plain.getByLabel(en('agenda.textLabel')).fill(plainText);
		await plain.getByRole('button', { name: en('agenda.add') }).click();
		await expect(plain.getByRole('status')).toHaveText(en('agenda.added', { item: q(plainText) }));
		// A change that is too long comes back on the same change page, with the words kept.
		await plain.getByRole('link', { name: `Change: ${q(plainText)}` }).click();
		const tooLong = `${plainText} ${'y'.repeat(300)}`;
		await plain.getByLabel(en('agenda.textLabel')).fill(tooLong);
		await plain.getByRole('button', { name: en('agenda.save') }).click();
		await expect(plain.getByRole('heading', { level: 1, name: en('agenda.editTitle') })).toBeVisible();
		await expect(
			plain.getByRole('link', { name: en('errors.itemTooLong_other', { count: '300' }) })
		).toBeVisible();
		await expect(plain.getByLabel(en('agenda.textLabel'))).toHaveValue(tooLong);
		await plain.getByRole('link', { name: en('agenda.cancel') }).click();
		await expect(itemOf(plain, plainText)).toHaveCount(1);
		await plain.getByRole('link', { name: `Remove: ${q(plainText)}` }).click();
		await plain.getByRole('button', { name: en('agenda.removeConfirm') }).click();
		await expect(plain.getByRole('status')).toHaveText(en('agenda.removed'));
		await expect(itemOf(plain, plainText)).toHaveCount(0);
		await noJs.close();

		// Change: the words and who raises it.
		await page.goto('/me/agenda');
		const renamed = uniqueText('Football training');
		await page.getByRole('link', { name: `Change: ${q(football)}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: en('agenda.editTitle') })).toBeVisible();
		await expect(page.getByLabel(en('agenda.textLabel'))).toHaveValue(football);
		await expect(page.getByLabel(en('agenda.raiserIro'))).toBeChecked();
		await page.getByLabel(en('agenda.textLabel')).fill(renamed);
		await page.getByLabel(en('agenda.raiserMe')).check();
		await page.getByRole('button', { name: en('agenda.save') }).click();
		await expect(page.getByRole('status')).toHaveText(en('agenda.changed'));
		await expect(itemOf(page, renamed)).toContainText('You will raise it.');
		await expect(itemOf(page, football)).toHaveCount(0);

		// Remove: a confirm step; "No, keep it" keeps it.
		await page.getByRole('link', { name: `Remove: ${q(bedtime)}` }).click();
		await expect(page.getByRole('heading', { level: 1, name: en('agenda.removeTitle') })).toBeVisible();
		await expect(page.getByText(bedtime)).toBeVisible();
		await page.getByRole('link', { name: en('agenda.keep') }).click();
		await expect(itemOf(page, bedtime)).toHaveCount(1);
		for (const text of [bedtime, renamed, starterText]) {
			await page.getByRole('link', { name: `Remove: ${q(text)}` }).click();
			await page.getByRole('button', { name: en('agenda.removeConfirm') }).click();
			await expect(page.getByRole('status')).toHaveText(en('agenda.removed'));
			await expect(itemOf(page, text)).toHaveCount(0);
		}
	}
);

test('drag and drop reorders too, with JavaScript', { lock: 'sam-agenda' }, async ({ page }) => {
	const first = uniqueText('Drag one');
	const second = uniqueText('Drag two');
	// Tall enough that nothing scrolls while dragging.
	await page.setViewportSize({ width: 1280, height: 4000 });
	await signIn(page, 'sam');
	await page.goto('/me/agenda');
	await hydrated(page);
	await addItem(page, first);
	await addItem(page, second);
	await page.reload();
	await hydrated(page);
	await expect(page.getByText(en('agenda.dragHint'))).toBeVisible();
	await itemOf(page, second).dragTo(itemOf(page, first));
	await expect(page.getByRole('status')).toHaveText(en('agenda.reordered'));
	await expectBefore(page, second, first);
	await page.reload();
	await expectBefore(page, second, first);
	for (const text of [first, second]) {
		await page.getByRole('link', { name: `Remove: ${q(text)}` }).click();
		await page.getByRole('button', { name: en('agenda.removeConfirm') }).click();
		await expect(itemOf(page, text)).toHaveCount(0);
	}
});

test(
	'bad input: too long, too many, and someone else’s item',
	{ lock: 'zainab-display' },
	async ({ page, browser }) => {
		test.setTimeout(120_000);
		// Too long: refused with the limit, and what was typed is kept.
		await signIn(page, 'sam');
		await page.goto('/me/agenda');
		await hydrated(page);
		const long = 'x'.repeat(301);
		await page.getByLabel(en('agenda.textLabel')).fill(long);
		await page.getByRole('button', { name: en('agenda.add') }).click();
		await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(
			page.getByRole('link', { name: en('errors.itemTooLong_other', { count: '300' }) })
		).toBeVisible();
		await expect(page.getByLabel(en('agenda.textLabel'))).toHaveValue(long);
		await expect(page).toHaveTitle(/^Error: /);

		// Too many: Zainab fills her agenda to the limit, one more is refused, and the text is kept.
		const zainab = await (await browser.newContext()).newPage();
		await signIn(zainab, 'zainab');
		await zainab.goto('/me/agenda');
		const meetingId = await meetingIdOn(zainab);
		expect(meetingId).not.toBe('');
		const have = await zainab.locator('.agenda-item').count();
		const mine: string[] = [];
		try {
			for (let i = have; i < 20; i++) {
				const text = uniqueText(`Filler ${i}`);
				mine.push(text);
				// Stored, then sent on to the page (a plain form post is redirected after it worked).
				expect((await post(zainab, '/me/agenda?/add', { meetingId, text })).status()).toBe(303);
			}
			const extra = uniqueText('One too many');
			const refused = await post(zainab, '/me/agenda?/add', { meetingId, text: extra });
			expect(refused.status()).toBe(400);
			const body = await refused.text();
			expect(body).toContain(t('ar', 'prepare', 'errors.tooMany_many', { count: '20' }));
			expect(body).toContain(`value="${extra}"`);
			await zainab.goto('/me/agenda');
			await expect(zainab.locator('.agenda-item')).toHaveCount(20);
			await expect(zainab.getByText(t('ar', 'prepare', 'agenda.full'))).toBeVisible();
			await expect(
				zainab.getByRole('region', { name: t('ar', 'prepare', 'agenda.startersTitle') })
			).toHaveCount(0);

			// Someone else's item: 404 to look at, change, move or remove.
			const theirs = (await zainab.locator('.agenda-item').first().getAttribute('id'))!.replace('item-', '');
			expect((await page.goto(`/me/agenda?edit=${theirs}`))!.status()).toBe(404);
			expect((await page.goto(`/me/agenda?remove=${theirs}`))!.status()).toBe(404);
			await page.goto('/me/agenda');
			const samMeeting = await meetingIdOn(page);
			for (const [action, form] of [
				['edit', { itemId: theirs, text: 'Mine now', raiser: 'me', visibility: 'iro' }],
				['remove', { itemId: theirs }],
				['move', { itemId: theirs, direction: 'up' }]
			] as const) {
				const response = await post(page, `/me/agenda?/${action}`, { meetingId: samMeeting, ...form });
				expect(response.status(), action).toBe(404);
			}
			const reorder = await post(page, '/me/agenda?/reorder', { meetingId: samMeeting, order: theirs });
			expect(reorder.status()).toBe(409);
			await zainab.goto('/me/agenda');
			await expect(zainab.locator('.agenda-item')).toHaveCount(20);
		} finally {
			// Take the fillers off again, whatever happened.
			await zainab.goto('/me/agenda');
			const items = await zainab
				.locator('.agenda-item')
				.evaluateAll((els) =>
					els.map((el) => [el.id.replace('item-', ''), el.querySelector('.agenda-text')?.textContent ?? ''])
				);
			for (const [itemId, text] of items) {
				if (mine.includes(text)) await post(zainab, '/me/agenda?/remove', { meetingId, itemId });
			}
			await zainab.goto('/me/agenda');
			await expect(zainab.locator('.agenda-item')).toHaveCount(have);
			await zainab.context().close();
		}
	}
);

test(
	'Sam chooses to chair, and opens and prints his running order',
	{ lock: 'sam-agenda' },
	async ({ page }) => {
		const first = uniqueText('My new school');
		const second = uniqueText('Seeing my brother');
		await signIn(page, 'sam');
		await page.goto('/me/agenda');
		await hydrated(page);
		await addItem(page, first);
		await page.getByLabel(en('agenda.textLabel')).fill(second);
		await page.getByLabel(en('agenda.raiserIro')).check();
		await page.getByRole('button', { name: en('agenda.add') }).click();
		await expect(page.getByRole('status')).toContainText(second);
		const agenda = await itemTexts(page);

		await page.goto('/me/chair');
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1, name: en('chair.title') })).toBeVisible();
		await page
			.getByRole('group', { name: en('chair.legend') })
			.getByLabel(en('chair.me'))
			.check();
		await page.getByRole('button', { name: en('chair.save') }).click();
		await expect(page.getByRole('status')).toHaveText(`${en('chair.saved')} ${en('chair.help')}`);
		await page.reload();
		await expect(page.getByLabel(en('chair.me'))).toBeChecked();
		await page.getByRole('link', { name: en('chair.runningOrderLink') }).click();

		await expect(page.getByRole('heading', { level: 1, name: en('runningOrder.title') })).toBeVisible();
		const steps = page.locator('.running-order .step .step-title');
		const expected = [
			en('runningOrder.steps.welcome'),
			en('runningOrder.steps.introductions'),
			...agenda,
			en('runningOrder.steps.anythingElse'),
			en('runningOrder.steps.nextSteps'),
			en('runningOrder.steps.close')
		];
		await expect(steps).toHaveText(expected);
		const step = (text: string) => page.locator('.running-order .step').filter({ hasText: text });
		await expect(step(en('runningOrder.steps.welcome'))).toContainText('Who: Me');
		await expect(step(first)).toContainText('Who: Me');
		await expect(step(second)).toContainText('Who: My IRO');
		await expect(step(en('runningOrder.steps.nextSteps'))).toContainText('Who: My IRO');

		// The Print button (JavaScript only) prints; in print, only the running order shows, on one page.
		await page.evaluate(() => {
			(window as unknown as { printed: boolean }).printed = false;
			window.print = () => ((window as unknown as { printed: boolean }).printed = true);
		});
		await page.getByRole('button', { name: en('runningOrder.print') }).click();
		expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByRole('navigation')).toHaveCount(0);
		await expect(page.getByRole('button', { name: en('runningOrder.print') })).toBeHidden();
		await expect(page.getByRole('link', { name: 'Back' })).toBeHidden();
		await expect(page.getByRole('heading', { level: 1, name: en('runningOrder.title') })).toBeVisible();
		expect(
			await page.locator('.running-order').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
		).toBeGreaterThanOrEqual(21);
		const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
		expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
		await page.emulateMedia({ media: 'screen' });

		await page.goto('/me/agenda');
		await hydrated(page);
		for (const text of [first, second]) {
			await page.getByRole('link', { name: `Remove: ${q(text)}` }).click();
			await page.getByRole('button', { name: en('agenda.removeConfirm') }).click();
			await expect(itemOf(page, text)).toHaveCount(0);
		}
	}
);

test(
	'Sam says who he would like at his meeting, and how, where and when',
	{ lock: 'sam-agenda' },
	async ({ page }) => {
		const coach = uniqueText('My football coach');
		const uncle = uniqueText('Uncle Tom');
		await signIn(page, 'sam');
		await page.goto('/me/meeting');
		await hydrated(page);
		await expect(page.getByRole('heading', { level: 1, name: en('meeting.title') })).toBeVisible();
		const who = page.getByRole('group', { name: en('meeting.whoLegend') });
		await who.getByLabel(/Helen Price/).check();
		await who.getByLabel(en('meeting.roles.socialWorker')).check();
		await who.getByLabel(en('meeting.someoneElse')).check();
		await fillSettled(page.getByLabel(en('meeting.someoneElseName')), '');
		await page.getByRole('group', { name: 'Person 1' }).getByLabel(en('meeting.notWho')).fill(uncle);
		await page
			.getByRole('group', { name: 'Person 1' })
			.getByLabel(en('meeting.notWhy'))
			.fill('He shouts at me');
		await page
			.getByRole('group', { name: en('meeting.takePartLegend') })
			.getByLabel(en('meeting.takePart.partOf'))
			.check();
		await page
			.getByRole('group', { name: en('meeting.whereLegend') })
			.getByLabel(en('meeting.where.school'))
			.check();
		await page
			.getByRole('group', { name: en('meeting.whenLegend') })
			.getByLabel(en('meeting.when.notSchool'))
			.check();
		await page
			.getByRole('group', { name: en('meeting.modeLegend') })
			.getByLabel(en('meeting.mode.online'), { exact: true })
			.check();
		await page
			.getByRole('group', { name: en('meeting.talkFirstLegend') })
			.getByLabel(en('meeting.yes'))
			.check();
		await page.getByRole('button', { name: en('meeting.save') }).click();

		// "Someone else" without a name: a clear message, and nothing typed or ticked is lost.
		await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(page.getByRole('link', { name: en('errors.someoneElse') })).toBeVisible();
		await expect(who.getByLabel(/Helen Price/)).toBeChecked();
		await expect(page.getByRole('group', { name: 'Person 1' }).getByLabel(en('meeting.notWho'))).toHaveValue(
			uncle
		);
		await page.getByLabel(en('meeting.someoneElseName')).fill(coach);
		await page.getByRole('button', { name: en('meeting.save') }).click();
		await expect(page.getByRole('status')).toHaveText(en('meeting.saved'));

		await page.reload();
		await expect(who.getByLabel(/Helen Price/)).toBeChecked();
		await expect(who.getByLabel(en('meeting.roles.socialWorker'))).toBeChecked();
		await expect(who.getByLabel(en('meeting.roles.teacher'))).not.toBeChecked();
		await expect(page.getByLabel(en('meeting.someoneElseName'))).toHaveValue(coach);
		await expect(page.getByRole('group', { name: 'Person 1' }).getByLabel(en('meeting.notWhy'))).toHaveValue(
			'He shouts at me'
		);
		await expect(page.getByLabel(en('meeting.takePart.partOf'))).toBeChecked();
		await expect(page.getByLabel(en('meeting.where.school'))).toBeChecked();
		await expect(page.getByLabel(en('meeting.when.notSchool'))).toBeChecked();
		await expect(page.getByLabel(en('meeting.mode.online'), { exact: true })).toBeChecked();
		await expect(
			page.getByRole('group', { name: en('meeting.talkFirstLegend') }).getByLabel(en('meeting.yes'))
		).toBeChecked();
	}
);

test(
	'Sam asks for an advocate, sees its status, and changes his mind',
	{ lock: 'sam-support' },
	async ({ page }) => {
		await signIn(page, 'sam');
		await page.goto('/me/support');
		await hydrated(page);
		const advocate = page.getByRole('region', { name: en('support.advocate.title') });
		await expect(advocate).toContainText(en('support.advocate.what'));
		await expect(page.getByRole('region', { name: en('support.independentVisitor.title') })).toContainText(
			en('support.independentVisitor.what')
		);
		await advocate.getByLabel(en('support.noteLabel')).fill(uniqueText('Before my meeting please'));
		await advocate.getByRole('button', { name: en('support.advocate.ask') }).click();
		await expect(page.getByRole('status')).toHaveText(en('support.requested'));
		await expect(advocate).toContainText(en('support.status.requested'));
		await expect(advocate.getByRole('button', { name: en('support.advocate.ask') })).toHaveCount(0);

		// Asking again while it is open is refused.
		const again = await post(page, '/me/support?/request', { kind: 'advocate' });
		expect(again.status()).toBe(409);
		expect(await again.text()).toContain(en('errors.alreadyOpen'));

		await advocate.getByRole('button', { name: en('support.advocate.withdraw') }).click();
		await expect(page.getByRole('status')).toHaveText(en('support.withdrawn'));
		const history = page.locator('.history li').first();
		await expect(history).toContainText(`${en('support.advocate.title')}: ${en('support.status.withdrawn')}`);
		await expect(advocate.getByRole('button', { name: en('support.advocate.ask') })).toBeVisible();
	}
);

test('no meeting booked yet: a friendly message on every page (Jordan)', async ({ page }) => {
	await signIn(page, 'jordan');
	for (const path of ['/me/agenda', '/me/chair', '/me/meeting', '/me/chair/running-order']) {
		await page.goto(path);
		await expect(page.getByText(en('noMeeting'))).toBeVisible();
		await expect(page.getByRole('button', { name: en('agenda.add') })).toHaveCount(0);
	}
	await page.goto('/me/support');
	await expect(page.getByRole('button', { name: en('support.advocate.ask') })).toBeVisible();
});

/** Every new page, and the form errors, as the axe scan sees them. */
async function scanAll(page: Page, label: string, text: 'normal' | 'xlarge', dir: 'ltr' | 'rtl') {
	await page.goto('/me/agenda');
	const id = (await page.locator('.agenda-item').first().getAttribute('id'))!.replace('item-', '');
	for (const path of [
		'/me/agenda',
		`/me/agenda?edit=${id}`,
		`/me/agenda?remove=${id}`,
		'/me/chair',
		'/me/chair/running-order',
		'/me/meeting',
		'/me/support'
	]) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text', text);
		await expect(page.locator('html')).toHaveAttribute('dir', dir);
		await expectNoAxeViolations(page, `${path} (${label})`);
	}
	// With errors shown.
	await page.goto('/me/agenda');
	await hydrated(page);
	await fillSettled(page.locator('#text'), 'x'.repeat(301));
	await page.locator('main form[action="?/add"] button[type="submit"]').click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await expectNoAxeViolations(page, `/me/agenda errors (${label})`);
	await page.goto('/me/meeting');
	await hydrated(page);
	await expect(async () => {
		await page.locator('#wantSomeoneElse').check();
		await fillSettled(page.locator('#someoneElseName'), '');
		expect(await page.locator('#wantSomeoneElse').isChecked()).toBe(true);
	}).toPass();
	await page.locator('main form button[type="submit"]').last().click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await expectNoAxeViolations(page, `/me/meeting errors (${label})`);
}

test('axe: every page, normal text (Sam)', { lock: 'sam-agenda' }, async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'sam');
	await page.goto('/me/agenda');
	await hydrated(page);
	const text = uniqueText('Axe check');
	await addItem(page, text);
	await scanAll(page, 'normal', 'normal', 'ltr');
	await page.goto('/me/agenda');
	await page.getByRole('link', { name: `Remove: ${q(text)}` }).click();
	await page.getByRole('button', { name: en('agenda.removeConfirm') }).click();
	await expect(itemOf(page, text)).toHaveCount(0);
});

for (const text of ['xlarge', 'normal'] as const) {
	test(
		`axe: every page in Arabic, ${text} text (Zainab, 12)`,
		{ lock: 'zainab-display' },
		async ({ page }) => {
			test.setTimeout(180_000);
			await signIn(page, 'zainab');
			await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
			await page.goto('/me/agenda');
			await hydrated(page);
			const item = uniqueText('المدرسة');
			await page.locator('#text').fill(item);
			await page.locator('main form[action="?/add"] button[type="submit"]').click();
			await expect(itemOf(page, item)).toHaveCount(1);
			if (text === 'xlarge') await setDisplay(page, 'xlarge');
			try {
				await scanAll(page, `${text}, Arabic`, text, 'rtl');
			} finally {
				if (text === 'xlarge') await setDisplay(page, 'normal');
				await page.goto('/me/agenda');
				const id = (await itemOf(page, item).getAttribute('id'))!.replace('item-', '');
				await post(page, '/me/agenda?/remove', { meetingId: await meetingIdOn(page), itemId: id });
			}
		}
	);
}
