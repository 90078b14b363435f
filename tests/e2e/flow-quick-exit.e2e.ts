import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { childWithAccount, hydrated, newDevice, scheduleMeeting, setDisplay, signIn } from './flow-helpers';

/**
 * Flow 6: "Leave this site now". There is no internet here, so the neutral site (BBC Weather) is
 * answered by a stand-in page. With JavaScript the exit replaces the current page in the history,
 * so Back cannot bring it back; pages visited before it stay in the history (no website can remove
 * them), which is why signing in also replaces the sign-in page with the home page. Leaving also
 * ends the session, so whoever picks the device up next finds nothing.
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
	await hydrated(page);
	await expect(page.getByText('Or press Esc twice')).toBeVisible();
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
	// And Sam was signed out as he left: opening his page again asks whoever holds the phone to sign in.
	await expect(async () => {
		await page.goto('/me');
		await expect(page).toHaveURL(/\/signin/);
	}).toPass();
	await expect(page.getByText('Hi Sam!')).toHaveCount(0);
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
	// The page that was open (/account/password) is gone from the history; the one before stays, but
	// Jordan was signed out as he left, so it asks to sign in instead of showing his page.
	await page.goBack();
	await expect(page).not.toHaveURL(/\/account\/password/);
	await expect(page).toHaveURL('/signin?returnTo=%2Fme');
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
	// Esc does nothing without JavaScript, so nothing says it does.
	await expect(page.getByText('Or press Esc twice')).toHaveCount(0);
	await quickExit(page).click();
	await expectLeft(page);
	await page.goto('/carer');
	await expect(page).toHaveURL(/\/signin/);
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

test('at 320 px with extra-large text, the sticky quick exit bar never covers what has focus', async ({
	page,
	browser
}) => {
	test.setTimeout(240_000);
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	await scheduleMeeting(page, child.childId, 20);
	await setDisplay(child.page, 'xlarge');
	await child.page.setViewportSize({ width: 320, height: 640 });
	const covered: string[] = [];
	for (const path of [
		'/me',
		'/me/say',
		'/me/agenda',
		'/me/chair',
		'/me/meeting',
		'/me/messages',
		'/me/support',
		'/me/safe',
		'/help',
		'/settings'
	]) {
		await child.page.goto(path);
		await hydrated(child.page);
		for (const key of ['Tab', 'Shift+Tab']) {
			for (let i = 0; i < 30; i += 1) {
				await child.page.keyboard.press(key);
				// Covered means the bar is what sits at the middle of the focused element's visible part.
				const problem = await child.page.evaluate(() => {
					const focused = document.activeElement as HTMLElement | null;
					const bar = document.querySelector('.quick-exit');
					if (!focused || !bar || focused === document.body || bar.contains(focused)) return null;
					const box = focused.getBoundingClientRect();
					if (box.height === 0) return null;
					const top = Math.max(box.top, 0);
					const bottom = Math.min(box.bottom, window.innerHeight);
					const x = box.left + box.width / 2;
					const y = top + Math.min((bottom - top) / 2, 20);
					const onTop = document.elementFromPoint(x, y);
					return onTop && bar.contains(onTop)
						? `${focused.tagName} "${focused.textContent?.trim().slice(0, 30)}" at ${Math.round(box.top)}`
						: null;
				});
				if (problem) covered.push(`${path} ${key}: ${problem}`);
			}
		}
	}
	expect(covered).toEqual([]);
	await child.context.close();
});
