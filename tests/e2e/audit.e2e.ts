import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import {
	addChild,
	childWithAccount,
	createIro,
	newDevice,
	scheduleMeeting,
	setDisplay,
	unique,
	type Iro
} from './flow-helpers';

/**
 * Every read of a child's record is audited (issue 10): the child's trail for their IRO and managers,
 * one staff member's reads for a manager, and subject access (one zip: HTML and JSON), itself logged.
 * A brand-new IRO and child of theirs, so that nothing depends on other tests; the manager's large
 * print is locked like axe.e2e.ts.
 */
// Each test sets up a new IRO and child through the real forms: give it time on a busy machine.
test.describe.configure({ timeout: 480_000 });

/** A new IRO signed in on a device of their own, with a child who has an account and a meeting. */
async function iroWithChild(browser: Browser) {
	const iro = await createIro(browser);
	const { page } = await newDevice(browser);
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);
	await scheduleMeeting(page, child.childId, 12);
	return { iro, page, child };
}

async function openPackAndConversation(page: Page, childId: string, childPage: Page, iro: Iro) {
	// The child writes, so there is a conversation to open.
	await childPage.goto('/me/messages');
	await childPage.getByLabel(`Your message to ${iro.displayName}`).fill('Can we talk about school?');
	await childPage.getByRole('button', { name: 'Send message' }).click();
	await expect(childPage.getByText('Can we talk about school?')).toBeVisible();
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Pre-meeting pack' }).first().click();
	await expect(page).toHaveURL(/\/iro\/meetings\/\w+$/);
	await page.goto(`/iro/children/${childId}`);
	await page
		.getByRole('link', { name: /^With / })
		.first()
		.click();
	await expect(page).toHaveURL(/\/iro\/conversations\/\w+$/);
}

test('an IRO’s reading of a pack and a conversation is in the child’s trail; a manager sees that IRO’s reads and downloads everything held; others get 404', async ({
	browser
}) => {
	const { iro, page, child } = await iroWithChild(browser);
	await openPackAndConversation(page, child.childId, child.page, iro);

	// The child's audit trail, from the child's page: newest first, who (name and role), what.
	await page.goto(`/iro/children/${child.childId}`);
	await page.getByRole('link', { name: 'Audit trail: who opened or changed this record' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Audit trail: ${child.name} Test`);
	const table = page.getByRole('table');
	for (const what of ['Looked at this audit trail', "Opened the child's page", 'Opened a conversation'])
		await expect(table.getByRole('row').filter({ hasText: what }).first()).toContainText(
			`${iro.displayName} (IRO)`
		);
	await expect(table).toContainText('Opened the pre-meeting pack');
	// Changes too: the meeting booked, the invite code issued.
	await expect(page.getByRole('table')).toContainText('Booked a meeting');
	await expect(page.getByRole('table')).toContainText('Issued an invite code for a welcome letter');
	// What the child did in their own record is not listed.
	await expect(page.getByRole('table')).not.toContainText('(Child or young person)');

	// A manager: that IRO's reads, from the IRO's caseload page.
	const { page: manager } = await newDevice(browser);
	await signIn(manager, 'manager');
	await manager.goto(`/manage/iros/${iro.id}`);
	await manager.getByRole('link', { name: `Records opened by ${iro.displayName}` }).click();
	await expect(manager.getByRole('heading', { level: 1 })).toHaveText(`Records opened by ${iro.displayName}`);
	const reads = manager.getByRole('table');
	await expect(reads).toContainText('Opened a conversation');
	await expect(reads).toContainText('Opened the pre-meeting pack');
	await expect(reads.getByRole('link', { name: `${child.name} Test` }).first()).toHaveAttribute(
		'href',
		`/iro/children/${child.childId}/audit`
	);

	// Subject access: one download, a zip that parses, with the child's message; logged in the trail.
	await manager.goto(`/iro/children/${child.childId}`);
	await manager.getByRole('link', { name: 'Everything held about them (subject access)' }).click();
	const [download] = await Promise.all([
		manager.waitForEvent('download'),
		manager.getByRole('link', { name: `Download everything held about ${child.name} Test` }).click()
	]);
	const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
	const json = JSON.parse(strFromU8(files['everything-held.json']));
	expect(json.person.fullName).toBe(`${child.name} Test`);
	expect(json.messages.map((m: { body: string }) => m.body)).toContain('Can we talk about school?');
	expect(strFromU8(files['everything-held.html'])).toContain('Can we talk about school?');
	await manager.goto(`/iro/children/${child.childId}/audit`);
	await expect(manager.getByRole('table')).toContainText(
		'Downloaded everything held about the child (subject access)'
	);

	// Another IRO, the child and a carer: 404 on the trail; only managers see reads and subject access.
	const trail = `/iro/children/${child.childId}/audit`;
	for (const login of ['ben', 'helen']) {
		const { page: other } = await newDevice(browser);
		await signIn(other, login);
		expect((await other.request.get(trail)).status(), login).toBe(404);
		expect((await other.request.get(`/manage/staff/${iro.id}/reads`)).status(), login).toBe(404);
	}
	expect((await child.page.request.get(trail)).status()).toBe(404);
	expect((await page.request.get(`/manage/subject-access/${child.childId}`)).status()).toBe(404);
	expect((await page.request.get(`/manage/staff/${iro.id}/reads`)).status()).toBe(404);
});

test('the trail is 50 entries a page, and the next page works without JavaScript', async ({ browser }) => {
	const { iro, page, child } = await iroWithChild(browser);
	// 55 more readings of the child's page: more than one page.
	for (let i = 0; i < 55; i++)
		expect((await page.request.get(`/iro/children/${child.childId}`)).status()).toBe(200);
	const { page: noJs } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(noJs, iro.username, iro.password);
	await noJs.goto(`/iro/children/${child.childId}/audit`);
	await expect(noJs.locator('tbody tr')).toHaveCount(50);
	const first = await noJs.locator('tbody tr').first().innerText();
	await noJs.getByRole('link', { name: 'Show older entries' }).click();
	await expect(noJs).toHaveURL(/\/audit\?after=/);
	const older = noJs.locator('tbody tr');
	expect(await older.count()).toBeGreaterThan(0);
	expect(await older.count()).toBeLessThanOrEqual(50);
	await expect(older.first()).not.toHaveText(first);
	// The oldest entries are the account's start: the booking and the code.
	await noJs.getByRole('link', { name: 'Back to the newest entries' }).click();
	await expect(noJs.locator('tbody tr')).toHaveCount(50);
});

for (const text of ['normal', 'xlarge'] as const) {
	test(
		`axe: the trail, a staff member’s reads and subject access, ${text} text`,
		{ lock: 'manager-display' },
		async ({ browser }) => {
			// A new IRO and child (no account needed): the IRO reads the trail in this text size.
			const iro = await createIro(browser);
			const { page } = await newDevice(browser);
			await signIn(page, iro.username, iro.password);
			const childId = await addChild(page, { fullName: `Axe ${unique()}` });
			await setDisplay(page, text);
			await page.goto(`/iro/children/${childId}/audit`);
			await expect(page.locator('html')).toHaveAttribute('data-text', text);
			await expectNoAxeViolations(page, `trail, IRO (${text})`);
			const { page: manager } = await newDevice(browser);
			await signIn(manager, 'manager');
			await setDisplay(manager, text);
			for (const path of [
				`/iro/children/${childId}/audit`,
				`/manage/staff/${iro.id}/reads`,
				`/manage/subject-access/${childId}`
			]) {
				await manager.goto(path);
				await expect(manager.locator('html')).toHaveAttribute('data-text', text);
				await expectNoAxeViolations(manager, `${path} (${text})`);
			}
			await setDisplay(manager, 'normal');
		}
	);
}
