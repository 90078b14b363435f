import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import {
	capitalise,
	childWithAccount,
	createIro,
	hydrated,
	newDevice,
	scheduleMeeting,
	unique
} from './flow-helpers';
import { setLanguage, t } from './messages-helpers';

/**
 * Words that follow the reader, and words that keep their writer's language: an idea an Arabic child
 * picks for their agenda reaches the English IRO in English and is not suggested again in English;
 * an English IRO's "about me" on an Arabic child's page, and an Arabic message on the English IRO's
 * conversation, are marked with the language they were written in. Only fresh children and a fresh
 * IRO are changed here.
 */

const ar = (namespace: string, key: string, params: Record<string, string> = {}) =>
	t('ar', namespace, key, params);

/** The suggested ideas on the child's agenda page, by the language it is in. */
const ideas = (page: Page, lang: string) =>
	page.getByRole('region', { name: t(lang, 'prepare', 'agenda.startersTitle') });

test('an idea an Arabic child adds reaches the English IRO in English, and is not suggested again in English', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	await scheduleMeeting(page, child.childId, 12);
	await setLanguage(child.page, 'ar');

	// In Arabic: the child presses the idea "School" (المدرسة).
	const school = ar('prepare', 'starters.school');
	await child.page.goto('/me/agenda');
	await hydrated(child.page);
	await ideas(child.page, 'ar')
		.getByRole('button', { name: new RegExp(school) })
		.click();
	await expect(child.page.locator('ol.agenda .agenda-text')).toHaveText([school]);
	await expect(ideas(child.page, 'ar').getByRole('button', { name: new RegExp(school) })).toHaveCount(0);
	const meetingId = await child.page.locator('input[name="meetingId"]').first().inputValue();

	// The English IRO reads it in English in the pack.
	await page.goto(`/iro/meetings/${meetingId}`);
	const agenda = page.locator('section[aria-labelledby="pack-agenda"]');
	await expect(agenda.locator('li.answer')).toHaveCount(1);
	await expect(agenda.locator('li.answer strong')).toHaveText('School');
	await expect(agenda).not.toContainText(school);

	// The child switches to English: the item reads "School" and "School" is not suggested again.
	await setLanguage(child.page, 'en');
	await child.page.goto('/me/agenda');
	await expect(child.page.locator('ol.agenda .agenda-text')).toHaveText(['School']);
	await expect(ideas(child.page, 'en').getByRole('button', { name: 'Add “Money”' })).toBeVisible();
	await expect(ideas(child.page, 'en').getByRole('button', { name: 'Add “School”' })).toHaveCount(0);
	await child.context.close();
});

test('words people wrote carry their language: an English "about me" on an Arabic page, an Arabic message on an English page', async ({
	browser
}) => {
	test.setTimeout(180_000);
	// A new IRO writes "about me" on their English pages.
	const iro = await createIro(browser);
	const staff = await newDevice(browser);
	await signIn(staff.page, iro.username, iro.password);
	const about = `I like long walks and board games ${unique()}.`;
	await staff.page.goto('/iro/profile');
	await hydrated(staff.page);
	await staff.page.getByLabel('A few friendly lines about you').fill(about);
	await staff.page.getByRole('button', { name: 'Save profile' }).click();
	await expect(staff.page.getByText('Your profile has been saved.')).toBeVisible();

	// Their new child reads Voicebox in Arabic: the IRO's words are marked as English.
	const child = await childWithAccount(browser, staff.page);
	await setLanguage(child.page, 'ar');
	await child.page.goto('/me');
	await expect(child.page.locator('html')).toHaveAttribute('lang', 'ar');
	const aboutMe = child.page.getByText(about, { exact: true });
	await expect(aboutMe).toBeVisible();
	await expect(aboutMe).toHaveAttribute('lang', 'en');

	// The child writes to their IRO in Arabic; the IRO reads it on an English page, marked as Arabic
	// and right to left.
	const words = `مرحبا، هل يمكن أن يكون اجتماعي بعد المدرسة؟ ${capitalise(unique())}`;
	await child.page.goto('/me/messages');
	await hydrated(child.page);
	await child.page.getByLabel(ar('messages', 'child.label', { name: iro.displayName })).fill(words);
	await child.page.getByRole('button', { name: ar('messages', 'send') }).click();
	await expect(child.page.getByText(words, { exact: true })).toBeVisible();

	await staff.page.goto('/iro/inbox');
	await staff.page
		.getByRole('main')
		.getByRole('link', { name: new RegExp(child.name) })
		.first()
		.click();
	await expect(staff.page.locator('html')).toHaveAttribute('lang', 'en');
	const message = staff.page.getByText(words, { exact: true });
	await expect(message).toHaveAttribute('lang', 'ar');
	await expect(message).toHaveAttribute('dir', 'auto');
	expect(await message.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
	await child.context.close();
	await staff.context.close();
});
