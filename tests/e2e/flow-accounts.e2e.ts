import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, sentEmails, BASE_URL } from './fixtures';
import {
	addChild,
	capitalise,
	createIro,
	enterCode,
	hydrated,
	issueCode,
	join,
	newDevice,
	signIn,
	unique,
	setDisplay
} from './flow-helpers';

/**
 * No one gets into an account that is not theirs: invite codes only create new accounts, a password
 * reset is a separate action (the child's own IRO or a manager; a carer's, managers only) that tells
 * the account holder, and viewing a letter never issues a code. Each test makes its own IROs,
 * children and carers, so restyling them (large print) touches no one else.
 */
test.describe.configure({ timeout: 360_000 });

function inviteRow(page: Page, name: string) {
	return page
		.getByRole('table', { name: 'Invite codes and welcome letters' })
		.getByRole('row', { name: new RegExp(`^${name}`) });
}

/** Scans the page as it is, then in extra-large text, and back. */
async function axeBoth(page: Page, label: string, reload: () => Promise<unknown>) {
	await expectNoAxeViolations(page, `${label} (normal)`);
	await setDisplay(page, 'xlarge');
	await reload();
	await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expectNoAxeViolations(page, `${label} (xlarge)`);
	await setDisplay(page, 'normal');
}

/** A new IRO (made by the manager) signed in on a device of their own. */
async function iroDevice(browser: Browser) {
	const iro = await createIro(browser);
	const device = await newDevice(browser);
	await signIn(device.page, iro.username, iro.password);
	return { ...device, iro };
}

/** The IRO links a new carer to the child; returns the carer record's id (from the invite form). */
async function addCarer(page: Page, childId: string, fullName: string, email = '') {
	await page.goto(`/iro/children/${childId}/carers/new`);
	await hydrated(page);
	const fresh = page.locator('form', { has: page.getByRole('button', { name: 'Add and link' }) });
	await fresh.getByLabel('Full name').fill(fullName);
	await fresh.getByLabel('Who they are to the child').fill('Mum');
	if (email) await fresh.getByLabel('Email address').fill(email);
	await fresh.getByRole('button', { name: 'Add and link' }).click();
	await expect(page.getByRole('status')).toHaveText('The parent or carer has been linked.');
	return (await inviteRow(page, fullName).locator('input[name="for"]').first().getAttribute('value'))!;
}

/** Every code a response shows on a letter, if any. */
function codesIn(html: string): string[] {
	return [...html.matchAll(/class="letter-code"[^>]*>\s*<span[^>]*>([A-Z0-9-]+)</g)].map((m) => m[1]);
}

test('the takeover, replayed: an IRO of one sibling cannot get into the carer’s account', async ({
	browser
}) => {
	const tag = unique();
	const name = capitalise(tag);
	const carer = `Pat ${name}`;
	// One IRO has the older child; the carer joins Voicebox through that child.
	const first = await iroDevice(browser);
	const older = await addChild(first.page, { fullName: `Older ${name}` });
	const carerId = await addCarer(first.page, older, carer);
	const code = await issueCode(first.page, older, `Issue a code for ${carer}`);
	const home = await newDevice(browser);
	const password = `the carer's own password ${tag}`;
	await join(home.page, code, `pat.${tag}`, password);
	await home.context.close();

	// The younger sibling is on another IRO's caseload; a manager links the carer to them too.
	const second = await iroDevice(browser);
	const younger = await addChild(second.page, { fullName: `Younger ${name}` });
	const manager = await newDevice(browser);
	await signIn(manager.page, 'manager');
	await manager.page.goto(`/iro/children/${younger}/carers/new`);
	await hydrated(manager.page);
	const link = manager.page.locator('form', {
		has: manager.page.getByRole('button', { name: 'Link this person' })
	});
	await link.getByLabel('Person').selectOption({ label: carer });
	await link.getByLabel('Who they are to the child').fill('Mum');
	await link.getByRole('button', { name: 'Link this person' }).click();
	await expect(manager.page.getByRole('status')).toHaveText('The parent or carer has been linked.');
	await manager.context.close();

	// The second IRO sees the carer has joined, and is offered no code and no reset for them.
	const attacker = second.page;
	await attacker.goto(`/iro/children/${younger}`);
	await expect(inviteRow(attacker, carer)).toContainText('Joined');
	await expect(inviteRow(attacker, carer).getByRole('button')).toHaveCount(0);
	await expect(inviteRow(attacker, carer)).toContainText('Only a manager can reset this password');

	// Replaying the old requests (the letter form, posted for the carer) gives no code.
	const codes: string[] = [];
	for (const path of ['letter', 'letter?/issue']) {
		const response = await attacker.request.post(`/iro/children/${younger}/${path}`, {
			form: { for: carerId, language: 'en' },
			headers: { origin: BASE_URL, accept: 'text/html' }
		});
		codes.push(...codesIn(await response.text()));
	}
	await attacker.goto(`/iro/children/${younger}/letter?for=${carerId}`);
	await expect(attacker.getByRole('main')).toContainText(`${carer} already has an account.`);
	await expect(attacker.getByRole('button', { name: /Issue/ })).toHaveCount(0);
	// Nor may this IRO reset the carer's password.
	const reset = await attacker.request.get(`/iro/children/${younger}/reset?for=${carerId}`);
	expect(reset.status()).toBe(404);
	const forced = await attacker.request.post(`/iro/children/${younger}/reset`, {
		form: { for: carerId },
		headers: { origin: BASE_URL, accept: 'text/html' }
	});
	expect(forced.status()).toBe(404);
	codes.push(...codesIn(await forced.text()));

	// Any code that did come out must not open the carer's account.
	for (const stolen of codes) {
		const thief = await newDevice(browser);
		await enterCode(thief.page, stolen);
		await expect(thief.page.getByLabel('Choose a password')).toHaveCount(0);
		await thief.context.close();
	}
	expect(codes, 'codes handed to the other IRO').toEqual([]);

	// The real carer still signs in with their own password, and sees both children.
	const again = await newDevice(browser);
	await signIn(again.page, `pat.${tag}`, password);
	await expect(again.page).toHaveURL('/carer');
	await expect(again.page.getByRole('main').getByRole('listitem')).toHaveCount(2);
	await again.context.close();

	// And the first IRO cannot link this carer (who has an account) to another child of theirs.
	const third = await addChild(first.page, { fullName: `Third ${name}` });
	await first.page.goto(`/iro/children/${third}/carers/new`);
	await expect(first.page.getByRole('main')).toContainText('ask a manager');
	await expect(first.page.getByRole('option', { name: carer })).toHaveCount(0);
	await first.context.close();
	await second.context.close();
});

test('the child’s own IRO resets their password; the child is told once, at their next sign-in', async ({
	browser
}) => {
	const tag = unique();
	const name = capitalise(tag);
	const { page, iro, context } = await iroDevice(browser);
	const childId = await addChild(page, { fullName: `${name} Reset`, preferredName: name });
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	const child = await newDevice(browser);
	const username = `kid.${tag}`;
	await join(child.page, code, username, `first password ${tag}`);

	// Another IRO cannot reset this child's password.
	const other = await newDevice(browser);
	await signIn(other.page, 'ben');
	expect((await other.page.request.get(`/iro/children/${childId}/reset`)).status()).toBe(404);
	await other.context.close();

	// The child's own IRO can: the page says what happens and who will be told.
	await page.goto(`/iro/children/${childId}`);
	await inviteRow(page, name)
		.getByRole('link', { name: `Reset the password for ${name}` })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Reset the password for ${name}`);
	await expect(page.getByRole('main')).toContainText(
		`${name} will be told about it when they next sign in (their account has no email address).`
	);
	await axeBoth(page, 'reset page', () => page.reload());
	await page.getByRole('button', { name: `Issue a reset code for ${name}` }).click();
	await expect(page.getByRole('status')).toContainText('A reset code has been issued.');
	await expect(page.getByRole('article')).toContainText(`Your username is ${username}.`);
	const resetCode = (await page.locator('.letter-code').innerText()).trim();
	await expectNoAxeViolations(page, 'reset note');
	// It is in the audit trail on the reset page.
	await page.goto(`/iro/children/${childId}/reset`);
	await expect(page.getByRole('main')).toContainText(`by ${iro.displayName}`);

	// The child's session goes on until the code is used; then it ends, and the new password works.
	await child.page.goto('/me');
	await expect(child.page).toHaveURL('/me');
	const device = await newDevice(browser);
	await enterCode(device.page, resetCode);
	await expect(device.page.getByText(`Your username is: ${username}`)).toBeVisible();
	await device.page.getByLabel('Choose a password').fill(`second password ${tag}`);
	await device.page.getByRole('button', { name: 'Save and sign in' }).click();
	await expect(device.page).toHaveURL('/me?passwordChanged=1');
	await device.context.close();
	await child.page.goto('/me');
	await expect(child.page).toHaveURL(/\/signin\?returnTo=%2Fme$/);

	// At the next sign-in the child is told, once, in words for children.
	await signIn(child.page, username, `second password ${tag}`);
	await expect(child.page).toHaveURL(/\/account\/notices\?returnTo=%2Fme$/);
	await expect(child.page.getByRole('heading', { level: 1 })).toHaveText('Something you should know');
	await expect(child.page.getByRole('main')).toContainText(
		`${iro.displayName} made a code so that you can choose a new password.`
	);
	await expectNoAxeViolations(child.page, 'notice (normal)');
	await child.page.getByRole('link', { name: 'Continue' }).click();
	await expect(child.page).toHaveURL('/me');
	await child.page.getByRole('button', { name: `Sign out (${name})` }).click();
	await signIn(child.page, username, `second password ${tag}`);
	await expect(child.page).toHaveURL('/me');
	await child.context.close();
	await context.close();
});

test('only a manager resets a carer’s password; the carer gets an email and a notice', async ({
	browser
}) => {
	const tag = unique();
	const name = capitalise(tag);
	const carer = `Sol ${name}`;
	const email = `sol.${tag}@example.com`;
	const { page, context } = await iroDevice(browser);
	const childId = await addChild(page, { fullName: `Kit ${name}` });
	const carerId = await addCarer(page, childId, carer, email);
	const code = await issueCode(page, childId, `Issue a code for ${carer}`);
	const home = await newDevice(browser);
	const password = `sol's password ${tag}`;
	await join(home.page, code, `sol.${tag}`, password);
	// Sol reads in large print: the notice at the next sign-in is scanned that way.
	await setDisplay(home.page, 'xlarge');
	await home.context.close();

	// The child's IRO may not reset a carer's password.
	await page.goto(`/iro/children/${childId}`);
	await expect(inviteRow(page, carer)).toContainText('Only a manager can reset this password');
	expect((await page.request.get(`/iro/children/${childId}/reset?for=${carerId}`)).status()).toBe(404);
	await context.close();

	const manager = await newDevice(browser);
	await signIn(manager.page, 'manager');
	await manager.page.goto(`/iro/children/${childId}`);
	await inviteRow(manager.page, carer)
		.getByRole('link', { name: `Reset the password for ${carer}` })
		.click();
	await expect(manager.page.getByRole('main')).toContainText(
		`${carer} will be told about it by email and when they next sign in.`
	);
	await manager.page.getByRole('button', { name: `Issue a reset code for ${carer}` }).click();
	await expect(manager.page.getByRole('status')).toContainText(
		`An email telling ${carer} about it has been put in the outbox`
	);
	await manager.context.close();

	await expect
		.poll(async () => (await sentEmails()).filter((m) => m.to.includes(email)).map((m) => m.subject))
		.toEqual(['Voicebox: a code to reset your password was issued']);

	// The old password still works until the code is used; signing in, the carer is told.
	const again = await newDevice(browser);
	await signIn(again.page, email, password);
	await expect(again.page).toHaveURL(/\/account\/notices/);
	await expect(again.page.getByRole('main')).toContainText(
		'issued a code to reset the password of your account.'
	);
	await expect(again.page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expectNoAxeViolations(again.page, 'notice (xlarge)');
	await again.page.getByRole('link', { name: 'Continue' }).click();
	await expect(again.page).toHaveURL('/carer');
	await again.context.close();
});

test('opening a letter never issues a code; it is in the child’s language; a new code says it stops the old one', async ({
	browser
}) => {
	const tag = unique();
	const name = capitalise(tag);
	const { page, context } = await iroDevice(browser);
	const childId = await addChild(page, {
		fullName: `${name} Khan`,
		preferredName: name,
		languages: 'Urdu, English'
	});

	// Viewing the letter page issues nothing; the language is the child's own.
	await page.goto(`/iro/children/${childId}/letter`);
	await expect(page.getByLabel('Language of the letter')).toHaveValue('ur');
	await expect(page.getByRole('main')).toContainText('No code issued');
	await axeBoth(page, 'letter page', () => page.reload());
	await page.goto(`/iro/children/${childId}`);
	await expect(inviteRow(page, name)).toContainText('No code issued');

	// From the child's record, one click: the letter comes out in Urdu.
	const first = await issueCode(page, childId, `Issue a code for ${name}`);
	await expect(page.getByRole('article')).toHaveAttribute('lang', 'ur');
	await axeBoth(page, 'welcome letter', async () => {
		// The letter is a form result: show it again (in the same language) without a new code.
		await page.getByRole('button', { name: 'Show the letter in this language' }).click();
		await expect(page.getByRole('status')).toContainText('No new code was issued.');
	});

	// The same letter in English, for the carer who reads it with the child: the same code, none new.
	await page.getByLabel('Language of the letter').selectOption('en');
	await page.getByRole('button', { name: 'Show the letter in this language' }).click();
	await expect(page.getByRole('article')).toHaveAttribute('lang', 'en');
	await expect(page.locator('.letter-code')).toHaveText(first);

	// Going back to the letter page says a code is waiting, and the button says what it does.
	await page.goto(`/iro/children/${childId}/letter`);
	await expect(page.getByRole('main')).toContainText('Code waiting to be used');
	await page.getByRole('button', { name: 'Issue a new code (the old code stops working)' }).click();
	await expect(page.getByText('A new code has been issued.')).toBeVisible();
	const second = (await page.locator('.letter-code').innerText()).trim();
	expect(second).not.toBe(first);

	// The first code stopped working; the second one works.
	const device = await newDevice(browser);
	await enterCode(device.page, first);
	await expect(device.page.getByLabel('Choose a password')).toHaveCount(0);
	await enterCode(device.page, second);
	await expect(device.page.getByLabel('Choose a password')).toBeVisible();
	await device.context.close();
	await context.close();
});
