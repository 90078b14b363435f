import type { Page } from '@playwright/test';
import { test, expect, BASE_URL } from './fixtures';
import {
	addChild,
	axeBothSizes,
	carerWithAccount,
	capitalise,
	childWithAccount,
	createIro,
	hydrated,
	issueCode,
	join,
	newDevice,
	signIn,
	unique,
	wholeCaseload
} from './flow-helpers';
import { meetingThatHasPassed, writeUpAsHeld } from './review-helpers';

/**
 * "How was my meeting?": only after the IRO records a review as held, the child (faces for the
 * youngest) and a carer say how it went or skip; the IRO reads it; nobody else reaches any of it.
 */

const post = (page: Page, path: string) =>
	page.request.post(path, {
		form: { listened: 'yes', listenedTo: 'yes', change: 'Sneaky' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});

test('after a held review the child and a carer say how it went, the IRO reads it, and nobody else reaches it', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);
	const carerName = `Jo ${capitalise(unique())}`;
	const carer = await carerWithAccount(browser, page, child.childId, carerName);

	// The meeting's time passes: nobody is asked yet, because the IRO has not recorded it as held.
	const meetingId = await meetingThatHasPassed(page, child.childId);
	await child.page.goto('/me');
	await expect(child.page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(child.page.getByRole('region', { name: 'How was my meeting?' })).toHaveCount(0);
	expect((await child.page.request.get(`/me/feedback/${meetingId}`)).status()).toBe(404);

	await writeUpAsHeld(page, child.childId, meetingId);

	// The child (12, JavaScript on): the card on their home leads to the questions, every one optional.
	await child.page.goto('/me');
	const card = child.page.getByRole('region', { name: 'How was my meeting?' });
	await card.getByRole('link', { name: 'Tell us how it went' }).click();
	await expect(child.page).toHaveURL(`/me/feedback/${meetingId}`);
	await expect(child.page.getByRole('heading', { level: 1 })).toHaveText('How was my meeting?');
	// They did not choose to chair, so they are not asked how they ran it.
	await expect(child.page.getByRole('group', { name: /run the meeting/ })).toHaveCount(0);
	await axeBothSizes(browser, child.page, 'child feedback');
	await hydrated(child.page);
	await child.page
		.getByRole('group', { name: 'Did people listen to you?' })
		.getByLabel('Yes', { exact: true })
		.check();
	await child.page
		.getByRole('group', { name: 'Do you know what was decided?' })
		.getByLabel('A bit', { exact: true })
		.check();
	const wish = `Not in school time please ${unique()}`;
	await child.page.getByLabel('What should we change next time?').fill(wish);
	await child.page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(child.page).toHaveURL('/me?feedback=given');
	await expect(child.page.getByRole('status')).toHaveText(
		'Thank you for telling us how your meeting went. Your IRO can read it now.'
	);
	await expect(child.page.getByRole('region', { name: 'How was my meeting?' })).toHaveCount(0);
	await child.page.goto(`/me/feedback/${meetingId}`);
	await expect(child.page.getByText(/You told us how your meeting on .* went\. Thank you!/)).toBeVisible();
	await expect(child.page.getByRole('button', { name: 'Send', exact: true })).toHaveCount(0);

	// The carer (JavaScript off): the card on the child's page, their own short form.
	const carerPage = carer.page;
	await carerPage.goto(`/carer/children/${child.childId}`);
	const carerCard = carerPage.getByRole('region', { name: 'How was the review?' });
	await carerCard.getByRole('link', { name: 'Give feedback' }).click();
	await expect(carerPage).toHaveURL(`/carer/children/${child.childId}/feedback/${meetingId}`);
	await axeBothSizes(browser, carerPage, 'carer feedback');
	await carerPage
		.getByRole('group', { name: 'Were you listened to?' })
		.getByLabel('Partly', { exact: true })
		.check();
	await carerPage
		.getByRole('group', { name: `Was ${child.name}’s voice heard?` })
		.getByLabel('Yes', { exact: true })
		.check();
	const carerWish = `A quieter room ${unique()}`;
	await carerPage.getByLabel('Is there anything we should change?').fill(carerWish);
	await carerPage.getByRole('button', { name: 'Send feedback' }).click();
	await expect(carerPage).toHaveURL(`/carer/children/${child.childId}?feedback=given`);
	await expect(carerPage.getByRole('status')).toHaveText(
		`Thank you. ${child.name}’s IRO can now read your feedback.`
	);
	await expect(carerPage.getByRole('region', { name: 'How was the review?' })).toHaveCount(0);

	// The IRO reads both from the child's record.
	await page.goto(`/iro/children/${child.childId}`);
	await page.getByRole('region', { name: 'Meetings' }).getByRole('link', { name: 'Feedback' }).click();
	await expect(page).toHaveURL(`/iro/children/${child.childId}/feedback/${meetingId}`);
	const childPart = page.getByRole('region', { name: child.name, exact: true });
	await expect(childPart.getByRole('definition')).toHaveText(['Yes', 'A bit', 'Not answered', wish]);
	const carers = page.getByRole('region', { name: 'Parents and carers' });
	await expect(carers.getByRole('heading', { name: carerName })).toBeVisible();
	await expect(carers.getByRole('definition')).toHaveText(['Partly', 'Yes', 'Not answered', carerWish]);
	await axeBothSizes(browser, page, 'IRO feedback');

	// Another IRO, another child and another carer: 404 on every page and action.
	const others = await Promise.all(['amina', 'sam', 'helen'].map(() => newDevice(browser)));
	await signIn(others[0].page, 'amina');
	await signIn(others[1].page, 'sam');
	await signIn(others[2].page, 'helen');
	const [amina, sam, helen] = others.map((o) => o.page);
	expect((await amina.request.get(`/iro/children/${child.childId}/feedback/${meetingId}`)).status()).toBe(
		404
	);
	expect((await sam.request.get(`/me/feedback/${meetingId}`)).status()).toBe(404);
	expect((await post(sam, `/me/feedback/${meetingId}?/send`)).status()).toBe(404);
	expect((await post(sam, `/me/feedback/${meetingId}?/skip`)).status()).toBe(404);
	const carerPath = `/carer/children/${child.childId}/feedback/${meetingId}`;
	expect((await helen.request.get(carerPath)).status()).toBe(404);
	expect((await post(helen, `${carerPath}?/send`)).status()).toBe(404);
	expect((await post(helen, `${carerPath}?/skip`)).status()).toBe(404);
	// Nothing they sent reached the IRO's page.
	await page.reload();
	await expect(page.getByText('Sneaky')).toHaveCount(0);
	for (const o of [...others, child, carer]) await o.context.close();
});

test('the youngest get faces with words; skipping sends nothing and the card goes away', async ({
	page,
	browser
}) => {
	test.setTimeout(300_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const tag = unique();
	const name = capitalise(tag);
	const sixYearsAgo = new Date(Date.now() - 6 * 365.25 * 86_400_000).toISOString().slice(0, 10);
	const childId = await addChild(page, {
		fullName: `${name} Small`,
		preferredName: name,
		dateOfBirth: sixYearsAgo
	});
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	const child = await newDevice(browser, { javaScriptEnabled: false });
	await join(child.page, code, `child.${tag}`, `little steps ${tag}`);

	const meetingId = await meetingThatHasPassed(page, childId);
	await writeUpAsHeld(page, childId, meetingId);

	// JavaScript off: the card, then faces, each with its word as the label.
	await child.page.goto('/me');
	await child.page
		.getByRole('region', { name: 'How was my meeting?' })
		.getByRole('link', { name: 'Tell us how it went' })
		.click();
	await expect(child.page).toHaveURL(`/me/feedback/${meetingId}`);
	const listened = child.page.getByRole('group', { name: 'Did people listen to you?' });
	await expect(listened.getByRole('radio')).toHaveCount(3);
	await expect(listened.getByRole('radio', { name: 'Yes' })).toBeVisible();
	await expect(listened.getByRole('radio', { name: 'A bit' })).toBeVisible();
	await expect(listened.getByRole('radio', { name: 'No' })).toBeVisible();
	await expect(listened.locator('img[src^="/pictures/"]')).toHaveCount(3);
	await expect(child.page.getByText('A grown-up can help you read the questions.')).toBeVisible();
	await axeBothSizes(browser, child.page, 'child feedback, faces');

	// A face picked and then "Skip": nothing is sent, the card goes and does not come back.
	await listened.getByRole('radio', { name: 'No' }).check();
	await child.page.getByRole('button', { name: 'Skip, no thanks' }).click();
	await expect(child.page).toHaveURL('/me?feedback=skipped');
	await expect(child.page.getByRole('status')).toHaveText(
		'That is OK. Nothing was sent, and we will not ask about this meeting again.'
	);
	await expect(child.page.getByRole('region', { name: 'How was my meeting?' })).toHaveCount(0);
	await child.page.goto('/me');
	await expect(child.page.getByRole('region', { name: 'How was my meeting?' })).toHaveCount(0);

	// The IRO sees that the child chose not to, and no answer.
	await page.goto(`/iro/children/${childId}/feedback/${meetingId}`);
	const part = page.getByRole('region', { name, exact: true });
	await expect(part.getByText(/Chose not to give feedback/)).toBeVisible();
	await expect(part.getByRole('definition')).toHaveCount(0);
	await child.context.close();
});

test('the demo: Sam’s last review has his feedback and Helen’s', async ({ page }) => {
	await signIn(page, 'amina');
	await wholeCaseload(page);
	await page.getByRole('link', { name: 'Samuel Carter' }).first().click();
	// Both his past reviews are written up as held; the last one has feedback.
	await page.getByRole('region', { name: 'Meetings' }).getByRole('link', { name: 'Feedback' }).last().click();
	await expect(page.getByRole('region', { name: 'Sam', exact: true })).toContainText(
		'Not in school time please.'
	);
	await expect(page.getByRole('region', { name: 'Parents and carers' })).toContainText('Helen Price');
});
