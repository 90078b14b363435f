import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import {
	addChild,
	capitalise,
	enterCode,
	hydrated,
	issueCode,
	join,
	newDevice,
	signIn,
	unique
} from './flow-helpers';

/** Flow 2 (part two): invite codes, welcome letters, joining, new codes and stopped codes. */

const CODE_WRONG = 'That code does not work. Check it, or ask your IRO for a new one.';

/** Pastes text from the clipboard into a field with the keyboard, as a password manager user would. */
async function paste(page: Page, field: Locator, text: string) {
	await page
		.context()
		.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await field.focus();
	await page.keyboard.press('ControlOrMeta+V');
	await expect(field).toHaveValue(text);
}

async function expectCodeRefused(page: Page, code: string) {
	await enterCode(page, code);
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([CODE_WRONG]);
	await expect(page).toHaveTitle(/^Error: Join Voicebox/);
	await expect(page.getByLabel('Your code')).toHaveValue(code);
	await expect(page.getByLabel('Choose a password')).toHaveCount(0);
}

function inviteRow(page: Page, name: string) {
	return page
		.getByRole('table', { name: 'Invite codes and welcome letters' })
		.getByRole('row', { name: new RegExp(`^${name}`) });
}

test('a child joins with the code from their letter; it works once; then the IRO is offered a reset, not a code', async ({
	page,
	browser
}) => {
	const tag = unique();
	const name = capitalise(tag);
	await signIn(page, 'amina');
	const childId = await addChild(page, { fullName: `Noor ${name}`, preferredName: name });
	await expect(inviteRow(page, name)).toContainText('No code issued');
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	// The letter is written for the child, and names their IRO.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome to Voicebox, ${name}!`);
	await expect(page.getByRole('article')).toContainText('Your IRO is Amina Rahman.');
	await expect(page.getByRole('article')).toContainText('makes sure your plan is right for you');
	await expect(page.getByRole('article')).not.toContainText('the child');
	await page.getByRole('link', { name: 'Back' }).click();
	await expect(inviteRow(page, name)).toContainText('Code waiting to be used');

	// On the child's own device: type the code, choose a username, paste a long passphrase.
	const first = await newDevice(browser);
	await enterCode(first.page, code.toLowerCase().replace(/-/g, ' '));
	await expect(first.page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}!`);
	await expect(first.page.getByText('Your IRO is Amina Rahman.')).toBeVisible();
	const username = `noor.${tag}`;
	await first.page.getByLabel('Choose a username').fill(username);
	const passphrase = `purple tiger pizza on a rainy tuesday ${tag} ✨ with extra cheese please`;
	await paste(first.page, first.page.getByLabel('Choose a password'), passphrase);
	await first.page.getByRole('button', { name: 'Save and sign in' }).click();
	await expect(first.page).toHaveURL('/me?welcome=1');
	await expect(first.page.getByRole('status')).toHaveText('You have joined Voicebox. Welcome!');
	await expect(first.page.getByRole('heading', { level: 1 })).toHaveText(`Hi ${name}!`);
	await expect(first.page.getByRole('region', { name: 'Meet your IRO' })).toContainText('Amina Rahman');
	await expect(first.page.getByRole('button', { name: `Sign out (${name})` })).toBeVisible();

	// The same code does not work a second time, on any device.
	const stranger = await newDevice(browser);
	await expectCodeRefused(stranger.page, code);
	await stranger.context.close();

	// The IRO sees that the child has joined. An invite code never gets into an existing account:
	// a forgotten password is a reset (see flow-accounts.e2e.ts), not a new invite code.
	await page.goto(`/iro/children/${childId}`);
	await expect(inviteRow(page, name)).toContainText('Joined');
	await expect(inviteRow(page, name)).toContainText('Code used');
	await expect(inviteRow(page, name).getByRole('button')).toHaveCount(0);
	await expect(
		inviteRow(page, name).getByRole('link', { name: `Reset the password for ${name}` })
	).toBeVisible();
	await first.context.close();
	expect(first.csp, 'CSP violations').toEqual([]);
});

test('a stopped code and a replaced code do not work; a carer joins and sees only their child', async ({
	page,
	browser
}) => {
	const tag = unique();
	const name = capitalise(tag);
	const carer = `Pat ${name}`;
	await signIn(page, 'amina');
	const childId = await addChild(page, { fullName: `Leo ${name}`, preferredName: `Leo${name}` });
	await page.getByRole('link', { name: 'Link a parent or carer' }).click();
	await hydrated(page);
	const fresh = page.locator('form', { has: page.getByRole('button', { name: 'Add and link' }) });
	await fresh.getByLabel('Full name').fill(carer);
	await fresh.getByLabel('Who they are to the child').fill('Grandparent');
	await fresh.getByRole('button', { name: 'Add and link' }).click();
	await expect(page.getByRole('status')).toHaveText('The parent or carer has been linked.');

	// Stop a code: it says so, and the code is refused.
	const stopped = await issueCode(page, childId, `Issue a code for ${carer}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome to Voicebox, ${carer}`);
	// The carer's letter speaks to the grown-up, about the child by name.
	await expect(page.getByRole('article')).toContainText(`Leo${name}’s IRO is Amina Rahman.`);
	await page.goto(`/iro/children/${childId}`);
	await expect(inviteRow(page, carer)).toContainText('Code waiting to be used');
	await page.getByRole('button', { name: `Stop the code for ${carer}` }).click();
	await expect(page.getByRole('status')).toHaveText('The code has been stopped. It will not work any more.');
	await expect(inviteRow(page, carer)).toContainText('Code stopped');
	await expect(page.getByRole('button', { name: `Stop the code for ${carer}` })).toHaveCount(0);
	const visitor = await newDevice(browser);
	await expectCodeRefused(visitor.page, stopped);

	// A code replaced by a newer one is refused too.
	const replaced = await issueCode(page, childId, `Issue a code for ${carer}`);
	const current = await issueCode(page, childId, `New code for ${carer} (the old code stops working)`);
	await expectCodeRefused(visitor.page, replaced);
	await visitor.context.close();

	// The carer joins with the current code and sees this child only.
	const home = await newDevice(browser);
	await enterCode(home.page, current);
	await expect(home.page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${carer}!`);
	await home.page.getByLabel('Choose a username').fill(`pat.${tag}`);
	await home.page.getByLabel('Choose a password').fill(`grandparent pass ${tag}`);
	await home.page.getByRole('button', { name: 'Save and sign in' }).click();
	await expect(home.page).toHaveURL('/carer?welcome=1');
	await expect(home.page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${carer}`);
	const cards = home.page.getByRole('main').getByRole('listitem');
	await expect(cards).toHaveCount(1);
	await expect(cards.getByRole('heading')).toHaveText([`Leo${name}`]);
	await expect(home.page.getByRole('link', { name: 'Sam', exact: true })).toHaveCount(0);
	await expect(home.page.getByRole('link', { name: 'Maya', exact: true })).toHaveCount(0);
	await cards.getByRole('link', { name: `Leo${name}`, exact: true }).click();
	await expect(home.page).toHaveURL(`/carer/children/${childId}`);
	await home.context.close();
	expect(home.csp, 'CSP violations').toEqual([]);
});

test('a child who has joined and opens /join again is taken home', async ({ page, browser }) => {
	const tag = unique();
	const name = capitalise(tag);
	await signIn(page, 'amina');
	const childId = await addChild(page, { fullName: `Mo ${name}` });
	const code = await issueCode(page, childId, `Issue a code for Mo ${name}`);
	const device = await newDevice(browser);
	await join(device.page, code, `mo.${tag}`, `mo password ${tag}`);
	await expect(device.page).toHaveURL('/me?welcome=1');
	// A signed-in child who opens /join is simply taken home.
	await device.page.goto('/join');
	await expect(device.page).toHaveURL('/me');
	await device.context.close();
});
