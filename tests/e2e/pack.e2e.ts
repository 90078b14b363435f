import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, sentEmails } from './fixtures';
import {
	addChild,
	capitalise,
	daysToShownMeeting,
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
 * Carers' views, the IRO's pre-meeting pack, reminders and the caseload's "before the meeting".
 * helen's views for Sam's meeting are written only here. Private answers and
 * reminders use a new child of amina's (with a new carer), because "My say" tests send Sam's answers.
 * Large print: ben, kacper and farida only, each under a lock, always set back to normal.
 */

/** The id of a demo child, from the link on the signed-in IRO's caseload. */
async function childIdOf(page: Page, fullName: string): Promise<string> {
	await page.goto('/iro');
	const href = await page.getByRole('link', { name: fullName, exact: true }).getAttribute('href');
	return href!.split('/').pop()!;
}

/** Opens a child's pre-meeting pack from their record, as the IRO would; returns its path. */
async function openPack(page: Page, childId: string): Promise<string> {
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/[a-z0-9]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Pre-meeting pack');
	return new URL(page.url()).pathname;
}

/** A carer added to the child through the IRO's form, who then joins with their code. */
async function carerWithAccount(
	browser: Browser,
	iro: Page,
	childId: string,
	fullName: string,
	email: string
) {
	await iro.goto(`/iro/children/${childId}/carers/new`);
	await hydrated(iro);
	const form = iro.locator('form[action="?/add"]');
	await form.getByLabel('Full name').fill(fullName);
	await form.getByLabel('Who they are to the child').fill('Foster carer');
	await form.getByLabel('Email address').fill(email);
	await form.getByRole('button', { name: 'Add and link' }).click();
	await expect(iro).toHaveURL(/carerAdded=1/);
	const code = await issueCode(iro, childId, `Issue a code for ${fullName}`);
	const device = await newDevice(browser);
	const tag = unique();
	await join(device.page, code, `carer.${tag}`, `garden gate ${tag}`);
	return device;
}

test('helen sends her views for Sam’s meeting; amina reads them in the pack, which records her reading; ben gets 404', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const tag = unique();
	const goingWell = `Sam has settled at his new school ${tag}`;
	const nextSteps = `More family time with his brother ${tag}`;

	// helen: from her home page to "Your views", phone-sized.
	const helen = await newDevice(browser, { viewport: { width: 390, height: 844 } });
	await signIn(helen.page, 'helen');
	await helen.page.getByRole('link', { name: 'Your views for Sam’s meeting' }).click();
	await expect(helen.page).toHaveURL(/\/carer\/children\/[a-z0-9]+\/views$/);
	await expect(helen.page.getByRole('heading', { level: 1 })).toHaveText('Your views');
	await hydrated(helen.page);

	// Too long: refused with the limit, and what was typed is still there.
	const long = 'We worry about the bus to school. '.repeat(60).trim();
	expect(long.length).toBeGreaterThan(2000);
	await helen.page.getByLabel('What is going well for Sam?').fill(goingWell);
	await helen.page.getByLabel('Is anything worrying you?').fill(long);
	await helen.page.getByRole('button', { name: 'Send to the IRO' }).click();
	await expect(helen.page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(helen.page.locator('.error-summary')).toContainText('Use 2000 characters or fewer');
	await expect(helen.page).toHaveTitle(/^Error: /);
	await expect(helen.page.getByLabel('Is anything worrying you?')).toHaveValue(long);
	await expect(helen.page.getByLabel('What is going well for Sam?')).toHaveValue(goingWell);

	// Save first (a draft the IRO does not see yet), then send.
	await helen.page.getByLabel('Is anything worrying you?').fill(`The bus to school ${tag}`);
	await helen.page.getByLabel('What do you think should happen next?').fill(nextSteps);
	await helen.page.getByRole('group', { name: 'Will you come to the meeting?' }).getByLabel('Yes').check();
	await helen.page.getByRole('button', { name: 'Save and finish later' }).click();
	await expect(helen.page.getByRole('status')).toHaveText(/^Saved\. Not sent yet/);
	await helen.page.getByRole('button', { name: 'Send to the IRO' }).click();
	await expect(helen.page.getByRole('status')).toHaveText(/^Sent to the IRO\. Thank you!/);
	await expect(helen.page.getByText(/^Sent on /)).toBeVisible();
	await expect(helen.page.getByRole('button', { name: 'Send changes' })).toBeVisible();
	await helen.page.reload();
	await expect(helen.page.getByLabel('What do you think should happen next?')).toHaveValue(nextSteps);
	await expect(
		helen.page.getByRole('group', { name: 'Will you come to the meeting?' }).getByLabel('Yes')
	).toBeChecked();
	// The carer's own child page links it, and shows only what Sam shared with everyone.
	await helen.page.getByRole('link', { name: 'Sam' }).first().click();
	await expect(
		helen.page.getByRole('heading', { name: 'What Sam wants everyone at the meeting to know' })
	).toBeVisible();
	await expect(helen.page.getByText(/^Sent on /)).toBeVisible();
	await helen.context.close();
	expect(helen.csp, 'CSP violations').toEqual([]);

	// amina opens the pack from Sam's record.
	await signIn(page, 'amina');
	const sam = await childIdOf(page, 'Samuel Carter');
	const packPath = await openPack(page, sam);
	for (const heading of [
		'The meeting',
		'What Sam said (My say)',
		'Sam’s agenda, in their order',
		'Chairing',
		'About the meeting: Sam’s choices',
		'Support requests',
		'Parents and carers',
		'Who read this pack'
	])
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
	const carers = page.getByRole('region', { name: /Helen Price/ });
	await expect(carers).toContainText(goingWell);
	await expect(carers).toContainText(`The bus to school ${tag}`);
	await expect(carers).toContainText(nextSteps);
	await expect(carers.getByRole('definition').last()).toHaveText('Yes');
	const reads = page.getByRole('region', { name: 'Who read this pack' }).getByRole('listitem');
	await expect(reads.filter({ hasText: /^Read by Amina Rahman on .+/ }).first()).toBeVisible();
	// Every opening adds a row (others may read Sam's pack at the same time; the list shows the last 50).
	const count = await reads.count();
	await page.reload();
	await expect(reads.first()).toBeVisible();
	expect(await reads.count()).toBeGreaterThanOrEqual(Math.min(count + 1, 50));

	// Caseload: Sam has been heard from (his carer sent), so "Not yet heard from" leaves him out.
	await page.goto('/iro');
	const samRow = page.getByRole('row', { name: /Samuel Carter/ });
	await expect(samRow).toContainText(/[1-9] of 1 carer sent views/);
	await expect(samRow.getByRole('link', { name: 'Pre-meeting pack' })).toHaveAttribute('href', packPath);
	await page.getByLabel('Only show children I have not heard from yet').check();
	await page.getByRole('button', { name: 'Apply filter: Children not heard from yet', exact: true }).click();
	await expect(page).toHaveURL('/iro?notHeard=1');
	await expect(page.getByRole('link', { name: 'Samuel Carter', exact: true })).toHaveCount(0);
	await expect(page.getByLabel('Only show children I have not heard from yet')).toBeChecked();

	// Another IRO, a child, a carer: 404.
	const ben = await newDevice(browser);
	await signIn(ben.page, 'ben');
	expect((await ben.page.goto(packPath))!.status()).toBe(404);
	await ben.context.close();
	expect(await (await page.request.get(packPath)).status()).toBe(200);
});

test('a new child’s private answers are marked in the pack; reminders reach the child and the carer; the carer sees only what is shared', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const tag = unique();
	const name = capitalise(tag);
	const carerName = `Cara ${name}`;
	const carerEmail = `cara.${tag}@example.com`;
	await signIn(page, 'amina');
	const childId = await addChild(page, {
		fullName: `Robin ${name}`,
		preferredName: name,
		dateOfBirth: londonDay(-(10 * 365 + 40))
	});
	await scheduleMeeting(page, childId, 12);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	const child = await newDevice(browser);
	await join(child.page, code, `robin.${tag}`, `blue kite ${tag}`);
	const carer = await carerWithAccount(browser, page, childId, carerName, carerEmail);

	// Nothing sent yet: the caseload's filter lists the child, and the pack says so.
	await page.goto('/iro?notHeard=1');
	const row = page.getByRole('row', { name: new RegExp(`Robin ${name}`) });
	await expect(row).toContainText('Not yet heard from');
	await expect(row).toContainText('Child: nothing yet');
	await expect(row).toContainText('0 of 1 carer sent views');
	await openPack(page, childId);
	await expect(page.getByText(`${name} has not started My say yet.`)).toBeVisible();
	await expect(page.getByRole('region', { name: new RegExp(carerName) })).toContainText('Nothing sent yet');

	// Reminders to both.
	const since = Date.now();
	await page.getByRole('button', { name: `Send a reminder to ${name}` }).click();
	await expect(page.getByRole('status')).toHaveText(`Reminder sent to ${name}. It shows on their home page.`);
	await page.getByRole('button', { name: `Send a reminder to ${carerName}` }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Reminder sent to ${carerName}. It shows on their home page, and we emailed them too.`
	);
	await expect(page.getByRole('region', { name: 'Reminders' })).toContainText('Last reminder:');

	// The child's home page: the reminder at the top, and what there is to do.
	await child.page.goto('/me');
	await expect(child.page.getByRole('note')).toContainText(
		'Amina Rahman would love to hear from you before your meeting.'
	);
	const ready = child.page.getByRole('region', { name: 'Get ready for your meeting' });
	await expect(ready.getByRole('link', { name: 'My say' })).toHaveAttribute('href', '/me/say');
	await expect(ready.getByRole('listitem').filter({ hasText: 'My say' })).toContainText('To do');
	await expect(ready.getByRole('link', { name: 'My agenda' })).toHaveAttribute('href', '/me/agenda');
	await expect(ready.getByRole('link', { name: 'Chairing my meeting' })).toHaveAttribute('href', '/me/chair');
	await expect(ready.getByRole('link', { name: 'About my meeting' })).toHaveAttribute('href', '/me/meeting');
	await expect(ready.getByRole('link', { name: 'Help from someone' })).toHaveAttribute('href', '/me/support');
	await expect(child.page.getByText('Your meeting is in 12 days.')).toBeVisible();

	// The carer's home page and an email without the child's name.
	await carer.page.goto('/carer');
	await expect(carer.page.getByRole('note')).toContainText(
		`Amina Rahman would love to hear your views before ${name}’s meeting.`
	);
	let email: { subject: string; text: string } | undefined;
	await expect
		.poll(async () => {
			email = (await sentEmails()).find((e) => e.receivedAt >= since && e.to.includes(carerEmail));
			return Boolean(email);
		})
		.toBe(true);
	expect(email!.subject).toBe('Your views before a meeting');
	expect(email!.text).toContain(`/carer/children/${childId}/views`);
	for (const secret of [name, 'Robin']) expect(email!.subject + email!.text).not.toContain(secret);

	// The child answers My say: one thing for everyone, one worry only for the IRO.
	const shared = `Drawing comics ${tag}`;
	const secret = `A secret worry ${tag}`;
	const kid = child.page;
	await kid.goto('/me/say');
	await kid.getByRole('button', { name: 'Start' }).click();
	await expect(kid).toHaveURL('/me/say/good');
	await hydrated(kid);
	await kid.getByLabel('What is going well for you?').fill(shared);
	await kid
		.getByRole('group', { name: 'Who can see this? (Good things)' })
		.getByRole('radio', { name: 'Everyone at my meeting' })
		.check();
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/worries');
	await hydrated(kid);
	await kid.getByLabel('What worries you?').fill(secret);
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/dreams');
	await kid.goto('/me/say/check');
	await kid.getByRole('button', { name: 'Send to my IRO' }).click();
	// The carer has a Voicebox account, so the child is told that the carer can now read what is shared.
	await expect(kid.getByRole('status')).toHaveText(
		'Thank you! Your answers have gone to your IRO. The grown-ups who look after you can now read the answers you marked “Everyone at my meeting”.'
	);
	await kid.goto('/me');
	await expect(kid.getByRole('note')).toHaveCount(0);
	await expect(ready.getByRole('listitem').filter({ hasText: 'My say' })).toContainText(/Done\s*Sent on /);
	await child.context.close();
	expect(child.csp, 'CSP violations').toEqual([]);

	// The pack: each answer says who may see it, and the private one is marked as private.
	await page.reload();
	const say = page.getByRole('region', { name: `What ${name} said (My say)` });
	const good = say.getByRole('listitem').filter({ hasText: shared });
	const worry = say.getByRole('listitem').filter({ hasText: secret });
	await expect(good).toContainText('Everyone at the meeting');
	await expect(worry).toContainText('Private: only for the IRO');
	await expect(worry).toHaveClass(/answer-private/);
	await expect(good).not.toHaveClass(/answer-private/);
	await expect(page.getByRole('region', { name: 'Reminders' })).toContainText('has sent');
	await expectNoAxeViolations(page, 'pack with answers');

	// The carer sees what the child shared with everyone, and never the private worry.
	await carer.page.goto(`/carer/children/${childId}`);
	const sharedBox = carer.page.getByRole('region', {
		name: `What ${name} wants everyone at the meeting to know`
	});
	await expect(sharedBox).toContainText(shared);
	await expect(carer.page.getByText(secret)).toHaveCount(0);
	expect(await carer.page.content()).not.toContain(secret);
	await carer.context.close();

	// Heard from: no longer in the filter.
	await page.goto('/iro?notHeard=1');
	await expect(page.getByRole('link', { name: `Robin ${name}`, exact: true })).toHaveCount(0);
});

test('after sending, changes the child has not sent reach nobody: the pack says “Changes not sent yet” and shows what was sent, the carer too; sending them shows them', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const tag = unique();
	const name = capitalise(tag);
	const carerName = `Cass ${name}`;
	await signIn(page, 'amina');
	const childId = await addChild(page, {
		fullName: `Jo ${name}`,
		preferredName: name,
		dateOfBirth: londonDay(-(11 * 365 + 20))
	});
	await scheduleMeeting(page, childId, 10);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	const child = await newDevice(browser);
	await join(child.page, code, `jo.${tag}`, `red kite ${tag}`);
	const carer = await carerWithAccount(browser, page, childId, carerName, `cass.${tag}@example.com`);
	const kid = child.page;
	const first = `Swimming on Saturdays ${tag}`;
	const second = `Swimming, and a secret plan ${tag}`;

	// The child answers one thing for everyone and sends it.
	await kid.goto('/me/say');
	await kid.getByRole('button', { name: 'Start' }).click();
	await expect(kid).toHaveURL('/me/say/good');
	await hydrated(kid);
	await kid.getByLabel('What is going well for you?').fill(first);
	await kid
		.getByRole('group', { name: 'Who can see this? (Good things)' })
		.getByRole('radio', { name: 'Everyone at my meeting' })
		.check();
	await kid.getByRole('button', { name: 'Continue' }).click();
	await expect(kid).toHaveURL('/me/say/worries');
	await kid.goto('/me/say/check');
	await kid.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(kid).toHaveURL('/me/say/check?sent=1');

	// Later the child changes it, saved as they type, and does not send.
	await kid.goto('/me/say/good');
	await hydrated(kid);
	await expect(
		kid.getByText('If you change them here, nobody sees the change until you send your answers again.')
	).toBeVisible();
	await kid.getByLabel('What is going well for you?').fill(second);
	await expect(kid.getByRole('status')).toHaveText(/^Saved at /, { timeout: 10_000 });

	// The IRO sees what was sent, and that changes are waiting, without what they are.
	await openPack(page, childId);
	const say = page.getByRole('region', { name: `What ${name} said (My say)` });
	await expect(say).toContainText(first);
	await expect(say).toContainText('Changes not sent yet');
	await expect(say).toContainText(`${name} changed some answers on `);
	expect(await page.content()).not.toContain('secret plan');
	await expectNoAxeViolations(page, 'pack with changes not sent yet');

	// The carer sees what was sent too.
	await carer.page.goto(`/carer/children/${childId}`);
	const shared = carer.page.getByRole('region', {
		name: `What ${name} wants everyone at the meeting to know`
	});
	await expect(shared).toContainText(first);
	expect(await carer.page.content()).not.toContain('secret plan');

	// The child sends the changes: now both see the new answer, and nothing is waiting.
	await kid.goto('/me/say/check');
	await expect(kid.getByText('Nobody can read your changes until you send them again.')).toBeVisible();
	await kid.getByRole('button', { name: 'Send my changes to my IRO' }).click();
	await expect(kid).toHaveURL('/me/say/check?sent=1');
	await child.context.close();
	await page.reload();
	await expect(say).toContainText(second);
	await expect(say).not.toContainText('Changes not sent yet');
	await carer.page.reload();
	await expect(shared).toContainText(second);
	await carer.context.close();
});

test('a carer’s page about Sam speaks to the grown-up about Sam', async ({ page }) => {
	await signIn(page, 'helen');
	await page.getByRole('main').getByRole('link', { name: 'Sam', exact: true }).click();
	await expect(page).toHaveURL(/\/carer\/children\/[a-z0-9]+$/);
	const meeting = page.getByRole('region', { name: 'Sam’s next meeting' });
	await expect(meeting.getByRole('heading', { name: 'Sam’s next meeting' })).toBeVisible();
	await expect(meeting).toContainText(`Sam’s meeting is in ${await daysToShownMeeting(meeting)} days.`);
	await expect(meeting).toContainText('Sam’s review meeting');
	await expect(meeting).toContainText('The IRO makes sure Sam is listened to.');
	const iro = page.getByRole('region', { name: 'Sam’s IRO' });
	await expect(iro).toContainText('Amina Rahman');
	await expect(iro.getByRole('heading', { name: 'How to reach Amina Rahman' })).toBeVisible();
	// Nothing on the page speaks as the child, or to the child.
	for (const childWords of ['My review meeting', 'My next meeting', 'Your IRO is', 'How to reach me'])
		await expect(page.getByText(childWords)).toHaveCount(0);
	await page.getByRole('link', { name: 'Messages about Sam' }).first().click();
	await expect(page.getByText('The IRO usually replies within 2 working days.')).toBeVisible();
	await expect(page.getByText('Your IRO usually replies')).toHaveCount(0);
});

test('the IRO moves a support request on from the pack', async ({ page, browser }) => {
	test.setTimeout(120_000);
	const tag = unique();
	const name = capitalise(tag);
	await signIn(page, 'amina');
	const childId = await addChild(page, {
		fullName: `Sky ${name}`,
		preferredName: name,
		dateOfBirth: londonDay(-(13 * 365))
	});
	await scheduleMeeting(page, childId, 15);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	const child = await newDevice(browser);
	await join(child.page, code, `sky.${tag}`, `green apple ${tag}`);
	await child.page.goto('/me/support');
	await hydrated(child.page);
	await child.page.getByRole('button', { name: 'Ask for an advocate', exact: true }).click();
	await expect(child.page.getByRole('status')).toHaveText('Your request is sent. Your IRO will see it.');

	await openPack(page, childId);
	const support = page.getByRole('region', { name: 'Support requests' });
	await expect(support).toContainText('An advocate: Requested');
	await support.getByLabel('Status of the request for An advocate').selectOption('arranged');
	await support.getByRole('button', { name: 'Update status' }).click();
	await expect(page.getByRole('status')).toHaveText(/The status has been updated/);
	await expect(support).toContainText('An advocate: Arranged');
	await child.page.goto('/me');
	await expect(child.page.getByRole('region', { name: 'Get ready for your meeting' })).toContainText(
		'An advocate: it is arranged.'
	);
	await child.context.close();
});

test('axe: the pack and the caseload, normal text', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'amina');
	await openPack(page, await childIdOf(page, 'Samuel Carter'));
	await expectNoAxeViolations(page, 'pack (normal)');
	await page.goto('/iro');
	await expectNoAxeViolations(page, 'caseload with before the meeting (normal)');
	await page.goto('/iro?notHeard=1');
	await expectNoAxeViolations(page, 'caseload filtered (normal)');
});

test('axe: the carer’s views (and its errors) and home, normal text', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'helen');
	await page.getByRole('link', { name: 'Your views for Sam’s meeting' }).click();
	await expectNoAxeViolations(page, 'carer views (normal)');
	await hydrated(page);
	await page.getByLabel('Anything else the IRO should know?').fill('x'.repeat(2001));
	await page.getByRole('button', { name: /^Send/ }).click();
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expectNoAxeViolations(page, 'carer views, error (normal)');
	await page.goto('/carer');
	await expectNoAxeViolations(page, 'carer home (normal)');
});

test('axe: the child’s home, normal text (sam)', async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'sam');
	await expect(page.getByRole('region', { name: 'Get ready for your meeting' })).toBeVisible();
	const card = page.locator('.meeting-card');
	await expect(card.getByText(`Your meeting is in ${await daysToShownMeeting(card)} days.`)).toBeVisible();
	await expectNoAxeViolations(page, 'child home (normal)');
});

test('axe: the pack in large print (ben, Kacper’s meeting)', { lock: 'ben-display' }, async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'ben');
	const kacper = await childIdOf(page, 'Kacper Nowak');
	await setDisplay(page, 'xlarge');
	try {
		await openPack(page, kacper);
		await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
		await expectNoAxeViolations(page, 'pack (xlarge)');
		await page.goto('/iro');
		await expectNoAxeViolations(page, 'caseload (xlarge)');
	} finally {
		await setDisplay(page, 'normal');
	}
});

test('axe: the child’s home in large print (kacper)', { lock: 'kacper' }, async ({ page }) => {
	test.setTimeout(120_000);
	await signIn(page, 'kacper');
	await setDisplay(page, 'xlarge');
	try {
		await page.goto('/me');
		await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
		await expect(page.locator('#get-ready-title')).toBeVisible();
		await expectNoAxeViolations(page, 'child home (xlarge)');
	} finally {
		await setDisplay(page, 'normal');
	}
});

test(
	'axe: the carer’s views in Arabic, normal and large print (farida, Zainab’s meeting)',
	{ lock: 'farida' },
	async ({ page }) => {
		await signIn(page, 'farida');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const views = page.locator('a[href$="/views"]').first();
		const path = (await views.getAttribute('href'))!;
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('آراؤك');
		await expectNoAxeViolations(page, 'carer views (Arabic)');
		await setDisplay(page, 'xlarge');
		try {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
			await expectNoAxeViolations(page, 'carer views (Arabic, xlarge)');
			await page.goto(path.replace(/\/views$/, ''));
			await expectNoAxeViolations(page, 'carer child page (Arabic, xlarge)');
		} finally {
			await setDisplay(page, 'normal');
		}
	}
);
