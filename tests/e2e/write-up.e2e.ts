import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, sentEmails, BASE_URL } from './fixtures';
import {
	addChild,
	capitalise,
	childWithAccount,
	createIro,
	hydrated,
	londonDay,
	newDevice,
	scheduleMeeting,
	setDisplay,
	signIn,
	unique
} from './flow-helpers';
import { meetingThatHasPassed, writeUpAsHeld } from './review-helpers';

/**
 * After the meeting: a meeting whose time has passed waits for its IRO to write it up (never "held" by
 * the clock); written up as held, the timescale runs from the held date; not held, it stays overdue; a
 * held meeting cannot be moved or cancelled; moving a meeting tells the child and their carers.
 */

const HAPPENED = 'This meeting has already happened, so it cannot be changed.';

/** "1 December 2026", as the pages show a calendar date. */
const shown = (date: string) =>
	new Intl.DateTimeFormat('en-GB', {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date(`${date}T00:00:00Z`));

/** The same day, `months` later (or the month's last day), as YYYY-MM-DD. */
function monthsLater(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const target = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(d, last));
	return target.toISOString().slice(0, 10);
}

const caseloadRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) });

test('a passed meeting waits to be written up; written up as held (PN1, chaired), the timescale runs from that day', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const tag = capitalise(unique());
	// A child with an account, cared for since 2024 and no review yet: overdue.
	const child = await childWithAccount(browser, page);
	const { childId } = child;
	const name = `${child.name} Test`;
	await addChild(page, { fullName: `Ivo ${tag}`, startDate: londonDay(-10) });
	const meetingId = await meetingThatHasPassed(page, childId);

	// The child's home does not say that nothing is booked as if nothing happened.
	await child.page.goto('/me');
	const nextMeeting = child.page.getByRole('region', { name: 'My next meeting' });
	await expect(nextMeeting).toContainText('has happened. Your IRO is writing it up.');
	await expect(nextMeeting).not.toContainText('No meeting is booked yet');

	// The caseload: a badge, and a filter that shows only the children waiting.
	await page.goto('/iro');
	await expect(caseloadRow(page, name)).toContainText('Waiting to be written up');
	await expect(caseloadRow(page, name)).toContainText('Overdue');
	await expect(caseloadRow(page, `Ivo ${tag}`)).not.toContainText('Waiting to be written up');
	await hydrated(page);
	await page.getByLabel('Only children with a meeting waiting to be written up').check();
	// Each of the caseload's filter buttons is named after its legend, its visible word first.
	await expect(page.getByRole('button', { name: 'Show: Closed records', exact: true })).toHaveText('Show');
	await expect(
		page.getByRole('button', { name: 'Apply filter: Children not heard from yet', exact: true })
	).toHaveText('Apply filter');
	await page.getByRole('button', { name: 'Show: Meetings to write up', exact: true }).click();
	await expect(page).toHaveURL(/\/iro\?toWriteUp=1$/);
	const table = page.getByRole('table', { name: `Caseload of ${iro.displayName}` });
	await expect(table.getByRole('row')).toHaveCount(2);
	await expect(table).toContainText(name);
	await expect(page.getByRole('status')).toContainText('1 child with a meeting waiting to be written up');

	// The child's page: not "Held" by the clock, but waiting, with a link to write it up.
	await page.goto(`/iro/children/${childId}`);
	const item = page.getByRole('region', { name: 'Meetings' }).getByRole('listitem');
	await expect(item).toContainText('Waiting to be written up');
	await expect(item).not.toContainText('Held');
	await expect(item.getByRole('link', { name: 'Write up' })).toHaveAttribute(
		'href',
		`/iro/children/${childId}/meetings/${meetingId}/write-up`
	);

	// The write-up page passes axe in normal and extra-large text; leaving the code out is an error.
	const writeUp = `/iro/children/${childId}/meetings/${meetingId}/write-up`;
	for (const size of ['normal', 'xlarge'] as const) {
		await setDisplay(page, size);
		await page.goto(writeUp);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Write up the meeting for ${name}`);
		await expect(page.getByRole('group', { name: 'How the child took part' })).toContainText(
			'Suggested from what Voicebox knows: PN1 if'
		);
		await expectNoAxeViolations(page, `write-up (${size})`);
	}
	await setDisplay(page, 'normal');
	await page.goto(writeUp);
	await hydrated(page);
	await page.getByLabel('Yes, it was held', { exact: true }).check();
	await page.getByLabel('Date it was held', { exact: true }).fill(londonDay(2));
	await page.getByLabel('Others who came, by role').fill('Teacher');
	await page.getByRole('button', { name: 'Save the write-up' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'The date it was held cannot be in the future',
		'Choose how the child took part',
		'Say whether the child chaired the meeting',
		'Say whether you spoke with the child before the meeting'
	]);
	await expect(page.getByLabel('Others who came, by role')).toHaveValue('Teacher');
	await expectNoAxeViolations(page, 'write-up with errors');

	await writeUpAsHeld(page, childId, meetingId, { code: 'PN1', chaired: true });
	await expect(page.getByRole('status').first()).toContainText('The write-up is saved.');
	await expect(item).toContainText(`Held on ${shown(londonDay(0))}`);
	await expect(item.getByRole('link', { name: 'Write up' })).toHaveCount(0);
	await expect(item.getByRole('link', { name: 'Correct the write-up' })).toBeVisible();

	await child.page.goto('/me');
	await expect(nextMeeting).toContainText(`Your meeting took place on ${shown(londonDay(0))}.`);
	await expect(nextMeeting).toContainText('Your next meeting is not booked yet.');
	await child.context.close();

	// The timescale now runs from today: the next review is due in 3 months, so no longer overdue.
	await page.goto('/iro');
	const row = caseloadRow(page, name);
	await expect(row).not.toContainText('Waiting to be written up');
	await expect(row).not.toContainText('Overdue');
	await expect(row).toContainText(shown(monthsLater(londonDay(0), 3)));

	// Corrected later, the form shows what was recorded.
	await page.goto(writeUp);
	await expect(page.getByText('This meeting is already written up.')).toBeVisible();
	await expect(page.getByLabel(/^PN1:/)).toBeChecked();
	await expect(page.getByLabel('Yes, they chaired it')).toBeChecked();

	// A held meeting cannot be moved or cancelled: the page offers no forms, and its actions refuse.
	const changePage = `/iro/children/${childId}/meetings/${meetingId}`;
	await page.goto(changePage);
	await expect(page.getByText(HAPPENED)).toBeVisible();
	await expect(page.locator('form[action="?/move"], form[action="?/cancel"]')).toHaveCount(0);
	const post = (path: string, form: Record<string, string> = {}) =>
		page.request.post(path, {
			form,
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
	expect((await post(`${changePage}?/cancel`)).status()).toBe(409);
	expect(
		(
			await post(`${changePage}?/move`, {
				kind: 'cla_review',
				date: londonDay(40),
				time: '11:00',
				venue: 'Somewhere else',
				mode: 'online'
			})
		).status()
	).toBe(409);

	// Another IRO: the write-up page and its action answer 404.
	const other = await newDevice(browser);
	await signIn(other.page, 'amina');
	expect((await other.page.goto(writeUp))?.status()).toBe(404);
	const otherPost = await other.page.request.post(writeUp, {
		form: { held: 'not_held', notHeldReason: 'Not mine' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(otherPost.status()).toBe(404);
	await other.context.close();
	await page.goto(`/iro/children/${childId}`);
	await expect(item).toContainText(`Held on ${shown(londonDay(0))}`);
});

test('without JavaScript: a meeting written up as not held, with the reason, stays overdue', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const iro = await createIro(browser);
	const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(page, iro.username, iro.password);
	const name = `Nell ${capitalise(unique())}`;
	const childId = await addChild(page, { fullName: name, startDate: londonDay(-150) });
	const meetingId = await meetingThatHasPassed(page, childId);

	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Write up' }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}/meetings/${meetingId}/write-up`);
	await page.getByLabel('No, it did not take place').check();
	await page.getByRole('button', { name: 'Save the write-up' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'Say why the meeting did not take place'
	]);
	await expect(page.getByLabel('No, it did not take place')).toBeChecked();
	await page.getByLabel('Why it did not take place').fill('The venue was closed by a flood');
	await page.getByRole('button', { name: 'Save the write-up' }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}?writtenUp=1`);
	const item = page.getByRole('region', { name: 'Meetings' }).getByRole('listitem');
	await expect(item).toContainText('Not held:');
	await expect(item).toContainText('The venue was closed by a flood');

	await page.goto('/iro');
	const row = caseloadRow(page, name);
	await expect(row).toContainText('Overdue');
	await expect(row).not.toContainText('Waiting to be written up');
	await context.close();
});

test('moving a meeting tells the child (home and messages) and the carer by email, without the child’s name', async ({
	page,
	browser
}) => {
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	const email = `carer.${unique()}@example.com`;
	await page.goto(`/iro/children/${child.childId}/carers/new`);
	await hydrated(page);
	const fresh = page.locator('form', { has: page.getByRole('button', { name: 'Add and link' }) });
	await fresh.getByLabel('Full name').fill(`Cass ${capitalise(unique())}`);
	await fresh.getByLabel('Who they are to the child').fill('Mum');
	await fresh.getByLabel('Email address').fill(email);
	await fresh.getByRole('button', { name: 'Add and link' }).click();
	await expect(page.getByRole('status')).toHaveText('The parent or carer has been linked.');

	await scheduleMeeting(page, child.childId, 10);
	await page.getByRole('region', { name: 'Meetings' }).getByRole('link', { name: 'Move or cancel' }).click();
	await hydrated(page);
	await page.getByLabel('Date', { exact: true }).fill(londonDay(12));
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page).toHaveURL(`/iro/children/${child.childId}?moved=1`);

	const when = new RegExp(`It is now on \\w+,? ${shown(londonDay(12))}`);
	await child.page.goto('/me');
	await expect(
		child.page.getByRole('status').filter({ hasText: 'Your meeting has been changed.' })
	).toContainText(when);
	await child.page.goto('/me/messages');
	const line = child.page.getByRole('list', { name: /conversation|messages/i }).getByRole('listitem');
	await expect(line.filter({ hasText: 'Your meeting has been changed.' })).toContainText('Voicebox');

	await expect
		.poll(async () => (await sentEmails()).filter((m) => m.to.includes(email)).map((m) => m.subject))
		.toEqual(['A review meeting has been changed']);
	const mail = (await sentEmails()).find((m) => m.to.includes(email))!;
	expect(mail.text).toContain(shown(londonDay(12)));
	expect(mail.text).not.toContain(child.name);
	await child.context.close();
});
