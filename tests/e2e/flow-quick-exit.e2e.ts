import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { hydrated, newDevice, signIn } from './flow-helpers';

/**
 * Flow 6: "Leave this site now". There is no internet here, so the neutral site (BBC Weather) is
 * answered by a stand-in page. With JavaScript the exit replaces the current page in the history,
 * so Back cannot bring it back; pages visited before it stay in the history (no website can remove
 * them), which is why signing in also replaces the sign-in page with the home page.
 */

const NEUTRAL = /^https:\/\/www\.bbc\.co\.uk\/weather/;

async function standInForBbc(target: Page | BrowserContext) {
	await target.route('https://www.bbc.co.uk/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: '<!doctype html><title>BBC Weather</title><h1>Weather</h1>'
		})
	);
}

function quickExit(page: Page) {
	return page.getByRole('link', { name: 'Leave this site now' });
}

async function expectLeft(page: Page) {
	await expect(page).toHaveURL(NEUTRAL);
	await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
}

/** Back from the neutral site: whatever is shown, it is not Voicebox. */
async function expectBackIsNotVoicebox(page: Page) {
	await page.goBack().catch(() => null);
	expect(page.url()).not.toMatch(/^http:\/\/localhost/);
}

test('on /signin, the quick exit goes to the neutral site and Back does not return', async ({ page }) => {
	await standInForBbc(page);
	await page.goto('/signin');
	await expect(quickExit(page)).toHaveAttribute('href', NEUTRAL);
	await expect(page.getByText('Or press Esc twice')).toBeVisible();
	await hydrated(page);
	await quickExit(page).click();
	await expectLeft(page);
	await expectBackIsNotVoicebox(page);
});

test('on a child’s home, the quick exit leaves, and Back does not show the child’s page', async ({
	page
}) => {
	await standInForBbc(page);
	await signIn(page, 'sam');
	await expect(page).toHaveURL('/me');
	await expect(quickExit(page)).toBeVisible();
	await hydrated(page);
	await quickExit(page).click();
	await expectLeft(page);
	// Signing in replaced /signin with /me, and leaving replaced /me: nothing of Voicebox is left behind.
	await expectBackIsNotVoicebox(page);
});

test('after looking around, Back from the neutral site never shows the page that was open', async ({
	page
}) => {
	await standInForBbc(page);
	await signIn(page, 'jordan');
	await page
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Change password' })
		.click();
	await expect(page).toHaveURL('/account/password');
	await hydrated(page);
	await quickExit(page).click();
	await expectLeft(page);
	// The page that was open (/account/password) is gone from the history; the one before stays.
	await page.goBack();
	await expect(page).not.toHaveURL(/\/account\/password/);
	await expect(page).toHaveURL('/me');
});

test('pressing Esc twice quickly leaves too, from a child’s page and from /signin', async ({
	page,
	browser
}) => {
	await standInForBbc(page);
	await signIn(page, 'sam');
	await hydrated(page);
	// One press does nothing.
	await page.keyboard.press('Escape');
	await page.waitForTimeout(1200);
	await expect(page).toHaveURL('/me');
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await expectLeft(page);
	await expectBackIsNotVoicebox(page);

	const visitor = await newDevice(browser);
	await standInForBbc(visitor.context);
	await visitor.page.goto('/signin');
	await hydrated(visitor.page);
	await visitor.page.getByLabel('Username or email address').focus();
	await visitor.page.keyboard.press('Escape');
	await visitor.page.keyboard.press('Escape');
	await expectLeft(visitor.page);
	await visitor.context.close();
});

test('carers have the quick exit too; without JavaScript it is still a link that leaves', async ({
	browser
}) => {
	const { context, page } = await newDevice(browser, { javaScriptEnabled: false });
	await standInForBbc(context);
	await signIn(page, 'helen');
	await expect(page).toHaveURL('/carer');
	await quickExit(page).click();
	await expectLeft(page);
	await context.close();
});

test('staff pages have no quick exit', async ({ page }) => {
	await signIn(page, 'amina');
	await expect(page).toHaveURL('/iro');
	await expect(page.getByRole('heading', { name: 'My caseload' })).toBeVisible();
	await expect(quickExit(page)).toHaveCount(0);
	await expect(page.getByText('Or press Esc twice')).toHaveCount(0);
	await page.getByRole('link', { name: 'Samuel Carter' }).click();
	await expect(page.getByRole('heading', { name: 'Samuel Carter' })).toBeVisible();
	await expect(quickExit(page)).toHaveCount(0);
	// Esc on a staff page does nothing.
	await page.keyboard.press('Escape');
	await page.keyboard.press('Escape');
	await page.waitForTimeout(500);
	await expect(page).toHaveURL(/\/iro\/children\//);

	const manager = await newDevice(page.context().browser()!);
	await signIn(manager.page, 'manager');
	await expect(manager.page.getByRole('heading', { name: 'Service overview' })).toBeVisible();
	await expect(quickExit(manager.page)).toHaveCount(0);
	await manager.context.close();
});
