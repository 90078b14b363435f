import type { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
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
import { conversationId, inboxItem } from './messages-helpers';

/**
 * "Only my IRO" means only my IRO. What a child keeps for their IRO (private answers and
 * agenda items in the pack, and every message) is read by the child's IRO; a manager reads it only
 * after giving a reason, which the IRO sees. A manager reading never clears the IRO's unread mark.
 * The printed running order holds only what the child shares with everyone.
 * A new child of amina's, so that nothing here depends on other tests. Large print: lock 'manager-display'.
 */

const HINT = 'Sometimes, like when your IRO is away, their manager may read it to help you.';

async function addAgendaItem(page: Page, text: string, everyone: boolean) {
	await page.getByLabel('What do you want to talk about?').fill(text);
	if (everyone)
		await page.getByRole('group', { name: 'Who can see it?' }).getByLabel('Everyone at my meeting').check();
	await page.getByRole('button', { name: 'Add to my agenda' }).click();
	await expect(page.getByRole('status')).toContainText(text);
}

test('a manager reads what a child kept for their IRO only with a reason, which the IRO sees; the IRO’s unread mark stays; the printed running order has no private item', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	const tag = unique();
	const name = capitalise(tag);
	const fullName = `Ash ${name}`;
	await signIn(page, 'amina');
	const childId = await addChild(page, {
		fullName,
		preferredName: name,
		dateOfBirth: londonDay(-(11 * 365 + 20))
	});
	await scheduleMeeting(page, childId, 10);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	const child = await newDevice(browser);
	await join(child.page, code, `ash.${tag}`, `red boat ${tag}`);
	const kid = child.page;

	// My say: the child is told, where they choose, who else may read "Only my IRO".
	const shared = `Swimming on Saturdays ${tag}`;
	const secret = `Something only Amina should know ${tag}`;
	await kid.goto('/me/say');
	await expect(kid.getByText(/“Only my IRO” means it is for your IRO\. Sometimes/)).toBeVisible();
	await kid.getByRole('button', { name: 'Start' }).click();
	await expect(kid).toHaveURL('/me/say/good');
	await hydrated(kid);
	const goodWho = kid.getByRole('group', { name: 'Who can see this? (Good things)' });
	await expect(goodWho.getByRole('radio', { name: 'Only my IRO' })).toHaveAccessibleDescription(HINT);
	await kid.getByLabel('What is going well for you?').fill(shared);
	await goodWho.getByRole('radio', { name: 'Everyone at my meeting' }).check();
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/worries');
	await hydrated(kid);
	await kid.getByLabel('What worries you?').fill(secret);
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/dreams');
	await kid.goto('/me/say/check');
	await kid.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(kid.getByRole('status')).toHaveText('Thank you! Your answers have gone to your IRO.');

	// Agenda: one thing for the IRO (the default), one for everyone.
	const privateItem = `Moving school ${tag}`;
	const sharedItem = `My birthday party ${tag}`;
	await kid.goto('/me/agenda');
	await hydrated(kid);
	await expect(kid.getByText(HINT)).toBeVisible();
	await addAgendaItem(kid, privateItem, false);
	await addAgendaItem(kid, sharedItem, true);

	// The running order: on the child's screen the private item is there, marked in words; printed, it is not.
	await kid.goto('/me/chair/running-order');
	const step = (text: string) => kid.locator('.running-order .step').filter({ hasText: text });
	await expect(step(privateItem)).toContainText('Private: only for my IRO. Not printed.');
	await expect(step(sharedItem)).toBeVisible();
	await expect(step(sharedItem)).not.toContainText('Private');
	await kid.emulateMedia({ media: 'print' });
	await expect(step(privateItem)).toBeHidden();
	await expect(step(sharedItem)).toBeVisible();
	const printed = await kid.locator('main').innerText();
	expect(printed).toContain(sharedItem);
	expect(printed).not.toContain(privateItem);
	expect(printed).not.toContain('Private');
	await kid.emulateMedia({ media: 'screen' });

	// A message to the IRO; the page says who reads it.
	const message = `A message for Amina only ${tag}`;
	await kid.goto('/me/messages');
	await hydrated(kid);
	await expect(
		kid.getByText(
			'Your messages go to your IRO. Sometimes, like when your IRO is away, their manager may read them to help you.'
		)
	).toBeVisible();
	await kid.getByLabel('Your message to Amina Rahman').fill(message);
	await kid.getByRole('button', { name: 'Send message' }).click();
	await expect(kid.getByText('Your message has been sent to Amina Rahman.')).toBeVisible();

	// The manager opens the pack: what is shared with everyone shows; what is private is held back.
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/[a-z0-9]+$/);
	const packPath = new URL(page.url()).pathname;
	await expect(page.getByText(secret)).toBeVisible();
	await expect(page.getByText(privateItem)).toBeVisible();
	await expect(page.getByRole('region', { name: 'Private to the IRO', exact: true })).toHaveCount(0);

	const manager = await newDevice(browser);
	const m = manager.page;
	await signIn(m, 'manager');
	await m.goto(packPath);
	const say = m.getByRole('region', { name: `What ${name} said (My say)` });
	const agenda = m.getByRole('region', { name: `${name}’s agenda, in their order` });
	await expect(say).toContainText(shared);
	await expect(say).toContainText('1 private answer held back');
	await expect(agenda).toContainText(sharedItem);
	await expect(agenda).toContainText('1 private agenda item held back');
	for (const hidden of [secret, privateItem]) expect(await m.content()).not.toContain(hidden);
	await expectNoAxeViolations(m, 'pack with private parts held back (manager)');

	// No reason: refused, and still nothing private.
	const ask = m.getByRole('region', { name: 'Private to the IRO', exact: true });
	await ask.getByRole('button', { name: 'Record my reason and read' }).click();
	await expect(m.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(m.locator('.error-summary')).toContainText('Choose why you need to read it');
	expect(await m.content()).not.toContain(secret);
	await expectNoAxeViolations(m, 'pack reason error (manager)');

	// "Another reason" needs words; what was typed is kept.
	const reasons = ask.getByRole('group', { name: 'Why do you need to read them?' });
	await reasons.getByLabel('Another reason').check();
	await ask.getByRole('button', { name: 'Record my reason and read' }).click();
	await expect(m.locator('.error-summary')).toContainText('Say why you need to read it');
	await expect(reasons.getByLabel('Another reason')).toBeChecked();

	const note = `Amina is on leave this week ${tag}`;
	await reasons.getByLabel('Covering for an absent IRO').check();
	await ask.getByLabel('Say a little more').fill(note);
	await ask.getByRole('button', { name: 'Record my reason and read' }).click();
	await expect(m.getByRole('status')).toHaveText(
		'Your reason is recorded. The IRO can see who read this, when and why.'
	);
	await expect(say).toContainText(secret);
	await expect(agenda).toContainText(privateItem);
	await m.reload();
	await expect(say).toContainText(secret);

	// The IRO sees who read it, when and why.
	await page.reload();
	const history = page.getByRole('region', { name: 'Who else read what is private to the IRO' });
	await expect(history).toContainText(/Grace Okafor on .+\. Reason: Covering for an absent IRO\./);
	await expect(history).toContainText(note);

	// The conversation: held back from the manager, and her reading leaves the IRO's unread mark.
	const conversation = await conversationId(page, fullName);
	await expect(inboxItem(page, fullName)).toContainText('1 unread message');
	await m.goto(`/iro/conversations/${conversation}`);
	await expect(m.getByText(/^1 message held back\./)).toBeVisible();
	expect(await m.content()).not.toContain(message);
	await expect(m.getByRole('button', { name: 'Send message' })).toHaveCount(0);
	await expectNoAxeViolations(m, 'conversation held back (manager)');
	await m
		.getByRole('group', { name: 'Why do you need to read them?' })
		.getByLabel('A safeguarding concern')
		.check();
	await m.getByRole('button', { name: 'Record my reason and read' }).click();
	await expect(m.getByText(message)).toBeVisible();
	await manager.context.close();

	await page.goto('/iro/inbox');
	await expect(inboxItem(page, fullName)).toContainText('1 unread message');
	await kid.reload();
	await expect(kid.getByRole('listitem').filter({ hasText: message })).toContainText('Not read yet');

	// The IRO reads it: the history says who else did and why, and now it is read.
	await page.goto(`/iro/conversations/${conversation}`);
	await expect(page.getByText(message)).toBeVisible();
	await expect(page.getByRole('region', { name: 'Who else read what is private to the IRO' })).toContainText(
		/Grace Okafor on .+\. Reason: A safeguarding concern\./
	);
	await page.goto('/iro/inbox');
	await expect(inboxItem(page, fullName)).not.toContainText('unread');
	await kid.reload();
	await expect(kid.getByRole('listitem').filter({ hasText: message })).toContainText('Read');
	await child.context.close();
});

test(
	'axe: what a manager sees before giving a reason, in large print',
	{ lock: 'manager-display' },
	async ({ page }) => {
		test.setTimeout(120_000);
		await signIn(page, 'manager');
		const kacper = (await page
			.getByRole('link', { name: 'Kacper Nowak', exact: true })
			.first()
			.getAttribute('href'))!;
		await page.goto('/iro/inbox');
		const conversation = (await inboxItem(page, 'Kacper Nowak')
			.getByRole('link')
			.first()
			.getAttribute('href'))!;
		await setDisplay(page, 'xlarge');
		try {
			await page.goto(conversation);
			await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
			await expect(page.getByRole('region', { name: 'Private to the IRO', exact: true })).toBeVisible();
			await expectNoAxeViolations(page, 'conversation held back (manager, xlarge)');
			await page.goto(kacper);
			await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
			await expect(page).toHaveURL(/\/iro\/meetings\/[a-z0-9]+$/);
			await expect(page.getByRole('region', { name: 'Private to the IRO', exact: true })).toBeVisible();
			await expectNoAxeViolations(page, 'pack held back (manager, xlarge)');
		} finally {
			await setDisplay(page, 'normal');
		}
	}
);
