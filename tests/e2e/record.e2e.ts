import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, BASE_URL } from './fixtures';
import {
	addChild,
	capitalise,
	createIro,
	hydrated,
	londonDay,
	newDevice,
	signIn,
	unique
} from './flow-helpers';
import { soonMinute } from './review-helpers';

/**
 * The record cannot be bent by accident: a meeting that has happened can be neither moved nor
 * cancelled (not even by sending its forms directly), nothing is booked in the past, and the caseload
 * counters count exactly the rows and tags the table shows.
 */

/** Fills the meeting form (on the schedule or move page) and sends it. */
async function fillMeeting(page: Page, date: string, time: string, button: string) {
	await hydrated(page);
	await page.getByLabel('Date', { exact: true }).fill(date);
	await page.getByLabel('Time', { exact: true }).fill(time);
	await page.getByLabel('Where').fill('Northfield Family Centre');
	await page
		.getByRole('group', { name: 'How people take part' })
		.getByLabel('In person', { exact: true })
		.check();
	await page.getByRole('button', { name: button }).click();
}

async function book(page: Page, childId: string, date: string, time = '15:30') {
	await page.goto(`/iro/children/${childId}/meetings/new`);
	await fillMeeting(page, date, time, 'Schedule meeting');
	await expect(page).toHaveURL(`/iro/children/${childId}?scheduled=1`);
}

const HAPPENED = 'This meeting has already happened, so it cannot be changed.';

test('a meeting that has happened cannot be moved or cancelled, not even by sending its forms directly', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	// A new IRO of our own, whose display settings this test may change for the axe scans.
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const childId = await addChild(page, { fullName: `Rhea ${capitalise(unique())}` });

	// A meeting at the next whole minute that is at least 25 seconds away: it soon happens.
	const soon = soonMinute();
	await book(page, childId, soon.date, soon.time);
	const meetings = page.getByRole('region', { name: 'Meetings' });
	await meetings.getByRole('link', { name: 'Move or cancel' }).click();
	await expect(page).toHaveURL(/\/meetings\/[a-z0-9]+$/);
	const changePage = new URL(page.url()).pathname;
	await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();

	// While it is still to come, it cannot be moved into the past either.
	await page.getByLabel('Date', { exact: true }).fill(londonDay(-1));
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'The date must be in the future'
	]);
	await expect(page.getByLabel('Date', { exact: true })).toHaveValue(londonDay(-1));

	// The page stays open with its forms while the meeting starts.
	await page.getByLabel('Date', { exact: true }).fill(londonDay(30));
	await page.waitForTimeout(Math.max(0, soon.startsAt - Date.now() + 2_000));
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert').filter({ hasText: HAPPENED })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Cancel the meeting' })).toHaveCount(0);

	// Sending the forms directly, without the page, is refused as well.
	const post = (action: string, form: Record<string, string> = {}) =>
		page.request.post(`${changePage}?/${action}`, {
			form,
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
	const cancel = await post('cancel');
	expect(cancel.status()).toBe(409);
	expect(await cancel.text()).toContain('This meeting has already happened, so it cannot be changed.');
	const move = await post('move', {
		kind: 'cla_review',
		date: londonDay(40),
		time: '11:00',
		venue: 'Somewhere else',
		mode: 'online'
	});
	expect(move.status()).toBe(409);

	// Nothing changed: it is still there, held, on the day and at the time it happened.
	await page.goto(`/iro/children/${childId}`);
	const item = meetings.getByRole('listitem');
	await expect(item).toHaveCount(1);
	await expect(item).toContainText('Waiting to be written up');
	await expect(item).toContainText(`at ${soon.time.replace(/^0/, '')}`);
	await expect(item).toContainText('Northfield Family Centre');
	await expect(item).not.toContainText('Cancelled');
	await expect(item.getByRole('link', { name: 'Move or cancel' })).toHaveCount(0);

	// Its direct link says why, and offers no forms (normal and extra-large text).
	for (const text of ['Normal', 'Extra large'] as const) {
		if (text === 'Extra large') {
			await page.getByText('Language and display', { exact: true }).first().click();
			await page.getByRole('group', { name: 'Text size' }).getByLabel(text, { exact: true }).check();
			await page.getByRole('button', { name: 'Save display settings' }).click();
			await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
		}
		await page.goto(changePage);
		await expect(page.getByText(HAPPENED)).toBeVisible();
		await expect(page.locator('form[action="?/move"], form[action="?/cancel"]')).toHaveCount(0);
		await expectNoAxeViolations(page, `held meeting (${text})`);
	}
});

test('a meeting cannot be booked in the past: the date gets an error and what was typed stays', async ({
	page
}) => {
	await signIn(page, 'amina');
	const childId = await addChild(page, { fullName: `Pip ${capitalise(unique())}` });
	await page.goto(`/iro/children/${childId}/meetings/new`);
	await fillMeeting(page, londonDay(-3), '10:00', 'Schedule meeting');
	await expect(page).toHaveTitle(/^Error: /);
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText(['The date must be in the future']);
	await expect(page.locator('.field-error')).toContainText('The date must be in the future');
	await expect(page.getByLabel('Date', { exact: true })).toHaveValue(londonDay(-3));
	await expect(page.getByLabel('Where')).toHaveValue('Northfield Family Centre');

	await page.goto(`/iro/children/${childId}`);
	await expect(page.getByRole('region', { name: 'Meetings' })).toContainText('No meetings yet.');
});

test('the counters count the rows and tags the table shows, "Booked after due date" included', async ({
	page,
	browser
}) => {
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const tag = capitalise(unique());
	// Cared for since 150 days ago, no review yet: overdue.
	const late = await addChild(page, { fullName: `Olly ${tag}`, startDate: londonDay(-150) });
	// Cared for since today: the first review is due in 20 working days.
	const fresh = await addChild(page, { fullName: `Nia ${tag}`, startDate: londonDay(0) });

	const counter = (label: string) =>
		page.locator('ul.counts > li').filter({ hasText: label }).locator('.count');
	const rowsTagged = (label: string) =>
		page
			.getByRole('table', { name: `Caseload of ${iro.displayName}` })
			.getByRole('row')
			.filter({ has: page.locator('.tag', { hasText: label }) });
	const expectCounts = async (overdue: number, bookedLate: number) => {
		await expect(counter('Overdue')).toHaveText(String(overdue));
		await expect(rowsTagged('Overdue')).toHaveCount(overdue);
		await expect(counter('Booked after due date')).toHaveText(String(bookedLate));
		await expect(rowsTagged('Booked after due date')).toHaveCount(bookedLate);
	};

	await page.goto('/iro');
	await expectCounts(1, 0);

	// Booking the overdue child's review after its due date: overdue, and booked after the due date.
	await book(page, late, londonDay(10));
	await page.goto('/iro');
	await expectCounts(1, 1);
	const row = page.getByRole('row', { name: new RegExp(`Olly ${tag}`) });
	await expect(row).toContainText('Overdue');
	await expect(row).toContainText('Booked after due date');

	// And the new child's first review two months away, well after it is due.
	await book(page, fresh, londonDay(60));
	await page.goto('/iro');
	await expectCounts(1, 2);

	// The manager sees the same on this IRO's caseload.
	const manager = await newDevice(browser);
	await signIn(manager.page, 'manager');
	await manager.page.goto(`/manage/iros/${iro.id}`);
	const managerCounter = (label: string) =>
		manager.page.locator('ul.counts > li').filter({ hasText: label }).locator('.count');
	await expect(managerCounter('Overdue')).toHaveText('1');
	await expect(managerCounter('Booked after due date')).toHaveText('2');
	await manager.context.close();
});
