import type { Page } from '@playwright/test';
import { test, expect, BASE_URL } from './fixtures';
import {
	axeBothSizes,
	capitalise,
	carerWithAccount,
	childWithAccount,
	createIro,
	hydrated,
	newDevice,
	signIn,
	unique
} from './flow-helpers';

/**
 * Ending things (issue 10): a carer unlinked from a child, an account closed while it is signed in
 * elsewhere, a child's record closed (read-only, the child shut out), reopened and erased. Every
 * test makes its own IRO, child and carer.
 */

const postForm = (page: Page, path: string, form: Record<string, string> = {}) =>
	page.request.post(path, {
		form,
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});

test('unlinking a carer: from that moment every page about the child answers them 404', async ({
	page,
	browser
}) => {
	test.setTimeout(600_000);
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);
	const carerName = `Lee ${capitalise(unique())}`;
	const carer = await carerWithAccount(browser, page, child.childId, carerName);
	await carer.page.goto('/carer');
	await expect(carer.page.getByRole('link', { name: new RegExp(child.name) }).first()).toBeVisible();
	expect((await carer.page.request.get(`/carer/children/${child.childId}`)).status()).toBe(200);

	await page.goto(`/iro/children/${child.childId}`);
	await page.getByRole('link', { name: `Unlink ${carerName}` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Unlink ${carerName} from ${child.name}`);
	await expect(page.getByText(`${carerName} has no other child on Voicebox.`)).toBeVisible();
	await expect(
		page.getByText(`What ${carerName} wrote before stays in ${child.name}'s record`)
	).toBeVisible();
	await axeBothSizes(browser, page, 'unlink a carer');
	await page.getByRole('button', { name: `Unlink ${carerName}` }).click();

	await expect(page.getByText(`${carerName} is no longer linked to ${child.name}.`)).toBeVisible();
	await expect(
		page.getByText(`${carerName} has no other child on Voicebox, but their account is still open.`)
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'Parents and carers' })).not.toContainText(carerName);

	// The carer, on their own device: nothing about the child any more.
	for (const path of ['', '/messages', '/views'])
		expect((await carer.page.request.get(`/carer/children/${child.childId}${path}`)).status(), path).toBe(
			404
		);
	await carer.page.goto('/carer');
	await expect(carer.page.getByRole('main')).not.toContainText(child.name);
	await carer.context.close();
	await child.context.close();
});

test('a manager closes a carer’s account: signed in elsewhere, their next request finds them signed out', async ({
	page,
	browser
}) => {
	test.setTimeout(600_000);
	const iro = await createIro(browser);
	const iroDevice = await newDevice(browser);
	await signIn(iroDevice.page, iro.username, iro.password);
	const child = await childWithAccount(browser, iroDevice.page);
	const carerName = `Sol ${capitalise(unique())}`;
	const carer = await carerWithAccount(browser, iroDevice.page, child.childId, carerName);
	await carer.page.goto('/carer');
	await expect(carer.page).toHaveURL(/\/carer$/);

	await signIn(page, 'manager');
	await page.goto(`/iro/children/${child.childId}`);
	await page.getByRole('link', { name: `Close or open ${carerName}'s account` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${carerName}'s account`);
	await expect(page.getByText(`${carerName} is signed out everywhere at once.`)).toBeVisible();
	await axeBothSizes(browser, page, 'account page');
	await page.getByRole('button', { name: `Close ${carerName}'s account` }).click();
	await expect(
		page.getByText(`${carerName}'s account is closed. They have been signed out and cannot sign in.`)
	).toBeVisible();

	// On the carer's device, the very next request: signed out.
	await carer.page.goto('/carer');
	await expect(carer.page).toHaveURL(/\/signin/);

	// Opened again by the manager.
	await page.getByRole('button', { name: `Open ${carerName}'s account again` }).click();
	await expect(page.getByText(`${carerName}'s account is open again.`)).toBeVisible();
	await carer.context.close();
	await child.context.close();
	await iroDevice.context.close();
});

test('closing a child’s record without JavaScript: the child cannot sign in, the IRO reads it and every post is refused; a manager reopens and erases', async ({
	browser
}) => {
	test.setTimeout(600_000);
	const iro = await createIro(browser);
	const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);

	await page.goto(`/iro/children/${child.childId}`);
	await page.getByRole('link', { name: `Close ${child.name}'s record` }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Close ${child.name}'s record`);
	await expect(
		page.getByText(
			`${child.name}'s account is closed: ${child.name} is signed out at once and cannot sign in.`
		)
	).toBeVisible();
	await axeBothSizes(browser, page, 'close a record');
	// No reason: the GOV.UK error, the date kept.
	await page.getByRole('button', { name: `Close ${child.name}'s record` }).click();
	await expect(page.getByRole('alert')).toContainText('Enter why the record is closing');
	await page.getByLabel('Why is the record closing?').fill('Returned home to family');
	await page.getByRole('button', { name: `Close ${child.name}'s record` }).click();
	await expect(page.getByText(`${child.name}'s record is closed.`)).toBeVisible();
	await expect(page.getByText(/This record is closed on /).first()).toBeVisible();
	// axe needs scripts: axeBothSizes scans the same page in a twin browser with them.
	await axeBothSizes(browser, page, 'closed record (IRO)');

	// The child, signed in on their own device: signed out, and cannot sign in again.
	await child.page.goto('/me');
	await expect(child.page).toHaveURL(/\/signin/);
	// Signing in with the right password stays on the sign-in page and says why (no wait for a new page).
	await child.page.goto('/signin');
	await child.page.getByLabel('Username or email address').fill(child.username);
	await child.page.getByLabel('Password', { exact: true }).fill(child.password);
	await child.page.getByRole('button', { name: 'Sign in' }).click();
	await expect(
		child.page.getByText('This account has been closed, so you cannot sign in.').first()
	).toBeVisible();
	// A wrong password gets the usual answer: nobody learns the account is closed without its password.
	await child.page.getByLabel('Password', { exact: true }).fill('not the password');
	await child.page.getByRole('button', { name: 'Sign in' }).click();
	await expect(child.page.getByText('The username or password is not right.').first()).toBeVisible();

	// The IRO: read-only. A form posted from a page about the child is refused.
	await page.goto(`/iro/children/${child.childId}/meetings/new`);
	await expect(page.getByText(/This record is closed on /).first()).toBeVisible();
	await page.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This record is closed');
	await expect(page.getByText('Nothing was saved.', { exact: false })).toBeVisible();
	expect((await postForm(page, `/iro/children/${child.childId}/close`, { reason: 'x' })).status()).toBe(409);
	// The caseload hides it behind its filter.
	await page.goto('/iro');
	await expect(page.getByRole('main')).not.toContainText(`${child.name} Test`);
	await page.goto('/iro?closed=1');
	await expect(page.getByRole('main')).toContainText(`${child.name} Test`);

	// A manager opens it again: the child can sign in.
	const manager = await newDevice(browser);
	await signIn(manager.page, 'manager');
	await manager.page.goto(`/iro/children/${child.childId}`);
	await manager.page.getByRole('link', { name: `Open ${child.name}'s record again, or erase it` }).click();
	await expect(manager.page.getByText('Returned home to family')).toBeVisible();
	await axeBothSizes(browser, manager.page, 'closed record (manager)');
	await manager.page.getByRole('button', { name: `Open ${child.name}'s record again` }).click();
	await expect(manager.page.getByText(`${child.name}'s record is open again.`)).toBeVisible();
	await signIn(child.page, child.username, child.password);
	await expect(child.page).toHaveURL(/\/me/);

	// Closed again, then erased by the manager: nothing about the child is left.
	await page.goto(`/iro/children/${child.childId}/close`);
	await page.getByLabel('Why is the record closing?').fill('Adopted');
	await page.getByRole('button', { name: `Close ${child.name}'s record` }).click();
	await manager.page.goto(`/iro/children/${child.childId}/closed`);
	await manager.page.getByLabel('Why does the law allow erasing it now?').fill('Erasure request upheld');
	await manager.page.getByRole('button', { name: `Erase ${child.name}'s record` }).click();
	await expect(manager.page.getByText('The record has been erased.')).toBeVisible();
	expect((await page.request.get(`/iro/children/${child.childId}`)).status()).toBe(404);
	await manager.context.close();
	await child.context.close();
	await context.close();
});

test('the caseload filter for closed records passes axe in normal and large print', async ({
	page,
	browser
}) => {
	await signIn(page, 'amina');
	await page.goto('/iro?closed=1');
	await hydrated(page);
	await axeBothSizes(browser, page, 'caseload, closed records');
});
