import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import { answerRow, continueTo, expectPictures, pick } from './say-helpers';
import {
	addChild,
	capitalise,
	hydrated,
	issueCode,
	join,
	londonDay,
	newDevice,
	unique,
	setDisplay
} from './flow-helpers';

/**
 * The youngest children's pictures: the faces and picture cards are pictures the site
 * serves itself, so they show on a device without a colour emoji font (this machine's Chromium has
 * none: an emoji there is an empty box). They are shown beside the words on the cards, the check
 * page and the IRO's pack, and are decoration only (alt="").
 */

test('a 5-year-old’s faces and pictures are shipped pictures: on the cards, the check page and the IRO’s pack', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	const tag = unique();
	const name = capitalise(tag);
	await signIn(page, 'amina');
	const childId = await addChild(page, {
		fullName: `Lily ${name}`,
		preferredName: name,
		dateOfBirth: londonDay(-(5 * 365 + 200))
	});
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Schedule a meeting' }).click();
	await hydrated(page);
	await page.getByLabel('Date', { exact: true }).fill(londonDay(15));
	await page.getByLabel('Time', { exact: true }).fill('10:00');
	await page.getByLabel('Where').fill('Lily’s school');
	await page
		.getByRole('group', { name: 'How people take part' })
		.getByLabel('In person', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}?scheduled=1`);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);

	const device = await newDevice(browser);
	const child = device.page;
	await join(child, code, `lily.${tag}`, `yellow balloon ${tag}`);
	await child.goto('/me/say');
	await hydrated(child);
	await pick(child, 'Is a grown-up helping you?', 'Yes, a grown-up is helping me');
	await child.getByRole('button', { name: 'Start' }).click();

	// The cards: a picture above each word; the word names the choice.
	await expect(child).toHaveURL('/me/say/feelings');
	const atHome = child.getByRole('group', { name: 'At home', exact: true });
	await expectPictures(atHome, 5);
	await expect(atHome.getByRole('radio', { name: 'Happy', exact: true })).toBeVisible();
	await expect(atHome.getByRole('img')).toHaveCount(0);
	await child.screenshot({ path: test.info().outputPath('cards-pictures.png'), fullPage: true });
	await pick(child, 'At home', 'Happy');
	await pick(child, 'At school or nursery', 'Worried');
	await pick(child, 'About family time', 'Sad');
	await continueTo(child, '/me/say/good');
	const good = child.getByRole('group', { name: 'Pick the pictures that show good things' });
	await expectPictures(good, 8);
	await good.getByRole('checkbox', { name: 'Pets' }).check();
	await good.getByRole('checkbox', { name: 'Food' }).check();
	await continueTo(child, '/me/say/worries');
	await continueTo(child, '/me/say/dreams');
	await continueTo(child, '/me/say/check');

	// Check your answers: each face and picture beside its word; the words read as before.
	await expectPictures(answerRow(child, 'How I feel at home'), 1);
	await expect(answerRow(child, 'How I feel at home')).toContainText('Happy');
	await expectPictures(answerRow(child, 'Good things (pictures)'), 2);
	await expect(answerRow(child, 'Good things (pictures)')).toContainText('Pets, Food');
	await expect(answerRow(child, 'Good things (pictures)').getByRole('img')).toHaveCount(0);
	await child.screenshot({ path: test.info().outputPath('check-pictures.png'), fullPage: true });
	await expectNoAxeViolations(child, 'My say check with pictures (4–7)');
	await setDisplay(child, 'xlarge');
	await child.goto('/me/say/check');
	await expect(child.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expectPictures(answerRow(child, 'Good things (pictures)'), 2);
	await expectNoAxeViolations(child, 'My say check with pictures (4–7, xlarge)');
	await child.getByRole('button', { name: 'Send to my IRO' }).click();
	await expect(child.getByRole('status')).toHaveText('Thank you! Your answers have gone to your IRO.');
	await device.context.close();
	expect(device.csp, 'CSP violations').toEqual([]);

	// The IRO's pack: the same pictures beside the words.
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/[a-z0-9]+$/);
	const said = page.locator('section[aria-labelledby="pack-say"]');
	await expect(said).toContainText('Pets');
	await expectPictures(said, 3 + 2);
	await expect(said.getByRole('img')).toHaveCount(0);
	await page.screenshot({ path: test.info().outputPath('pack-pictures.png'), fullPage: true });
	await expectNoAxeViolations(page, 'pre-meeting pack with pictures');
});
