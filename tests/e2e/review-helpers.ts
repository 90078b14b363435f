import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { hydrated, londonDay } from './flow-helpers';
import { londonDate } from '../../src/lib/domain/dates';
import { londonTime } from '../../src/lib/domain/london-time';

/**
 * Helpers for tests about what happens after a meeting: a meeting whose time has passed (booked through
 * the IRO's schedule page at the next whole minute at least 25 seconds away, then waited for), and its
 * write-up as held through the IRO's write-up page.
 */

/** The next whole minute at least 25 seconds away, with its London date and time for the meeting form. */
export function soonMinute() {
	const startsAt = Math.ceil((Date.now() + 25_000) / 60_000) * 60_000;
	return { startsAt, date: londonDate(startsAt), time: londonTime(startsAt) };
}

/** The ids of this child's meetings, from the links on the IRO's child page. */
async function meetingIds(page: Page, childId: string): Promise<Set<string>> {
	await page.goto(`/iro/children/${childId}`);
	const hrefs = await page
		.getByRole('region', { name: 'Meetings' })
		.locator(`a[href^="/iro/children/${childId}/meetings/"]`)
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const ids = new Set<string>();
	for (const href of hrefs) {
		const id = href.split('/meetings/')[1]?.split('/')[0];
		if (id && id !== 'new') ids.add(id);
	}
	return ids;
}

/**
 * The IRO (signed in on `page`) books a review for the child at the next whole minute that is at least
 * 25 seconds away, through the schedule page, and waits until its time has passed. Returns its id.
 */
export async function meetingThatHasPassed(page: Page, childId: string): Promise<string> {
	const before = await meetingIds(page, childId);
	const soon = soonMinute();
	await page.goto(`/iro/children/${childId}/meetings/new`);
	await hydrated(page);
	await page.getByLabel('Date', { exact: true }).fill(soon.date);
	await page.getByLabel('Time', { exact: true }).fill(soon.time);
	await page.getByLabel('Where').fill('Northfield Family Centre');
	await page
		.getByRole('group', { name: 'How people take part' })
		.getByLabel('In person', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}?scheduled=1`);
	const after = await meetingIds(page, childId);
	const added = [...after].filter((id) => !before.has(id));
	expect(added).toHaveLength(1);
	await page.waitForTimeout(Math.max(0, soon.startsAt - Date.now() + 1_500));
	return added[0];
}

/**
 * The IRO (signed in on `page`) writes the meeting up as held today, the child present, with the
 * participation code (PN1 unless given) and whether the child chaired it, and saves.
 */
export async function writeUpAsHeld(
	page: Page,
	childId: string,
	meetingId: string,
	opts: { code?: string; chaired?: boolean } = {}
): Promise<void> {
	await page.goto(`/iro/children/${childId}/meetings/${meetingId}/write-up`);
	await hydrated(page);
	await page
		.getByRole('group', { name: 'Did the meeting take place?' })
		.getByLabel('Yes, it was held', { exact: true })
		.check();
	await page.getByLabel('Date it was held', { exact: true }).fill(londonDay(0));
	await page
		.getByRole('group', { name: 'Who came' })
		.getByLabel(/the child/)
		.check();
	const code = opts.code ?? 'PN1';
	await page
		.getByRole('group', { name: 'How the child took part' })
		.getByLabel(new RegExp(`^${code}\\b`))
		.check();
	await page
		.getByRole('group', { name: 'Did the child chair the meeting?' })
		.getByLabel(opts.chaired ? 'Yes, they chaired it' : 'No', { exact: true })
		.check();
	await page
		.getByRole('group', { name: 'Did you speak with the child before the meeting?' })
		.getByLabel('No', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Save the write-up' }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}?writtenUp=1`);
}
