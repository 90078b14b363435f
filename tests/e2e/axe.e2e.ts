import type { Page } from '@playwright/test';
import { test, expect, signIn, expectNoAxeViolations, BASE_URL } from './fixtures';
import { setDisplay } from './flow-helpers';

/**
 * An axe scan (WCAG 2.2 A/AA) of every page, as each role sees it, in normal and extra-large text,
 * plus the error state of forms, and the public pages in Arabic (right to left).
 * Accounts here (jordan, farida, ben, manager) are ones other tests do not restyle.
 */
const modes = ['normal', 'xlarge'] as const;

// Each test scans several pages twice (AA, then AAA contrast): give it time on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function scan(page: Page, paths: string[], text: (typeof modes)[number]) {
	for (const path of paths) {
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-text', text);
		await expectNoAxeViolations(page, `${path} (${text})`);
	}
}

async function idsFromManager(page: Page) {
	await signIn(page, 'manager');
	const href = async (name: string) =>
		(await page.getByRole('link', { name, exact: true }).first().getAttribute('href'))!;
	return {
		kacper: await href('Kacper Nowak'),
		zainab: await href('Zainab Ahmed'),
		ben: await href('Ben Kowalski')
	};
}

for (const text of modes) {
	test.describe(`axe, ${text} text`, () => {
		test('public pages and form errors', async ({ page }) => {
			await page.goto('/');
			await setDisplay(page, text);
			await scan(page, ['/', '/signin', '/join', '/help', '/accessibility', '/settings'], text);
			await page.goto('/signin');
			await page.getByRole('button', { name: 'Sign in' }).click();
			await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
			await expectNoAxeViolations(page, 'sign-in errors');
			await page.goto('/join');
			await page.getByLabel('Your code').fill('nope');
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
			await expectNoAxeViolations(page, 'join errors');
			await page.goto('/no-such-page');
			await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
			await expectNoAxeViolations(page, `not found (${text})`);
		});

		test('public pages in Arabic', async ({ page }) => {
			await page.goto('/');
			await setDisplay(page, text);
			await page.request.post('/settings?/language', {
				form: { language: 'ar', returnTo: '/' },
				headers: { origin: BASE_URL, accept: 'text/html' },
				maxRedirects: 0
			});
			await page.goto('/signin');
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await scan(page, ['/', '/signin', '/join', '/help', '/accessibility'], text);
		});

		test('child and carer pages', { lock: ['jordan', 'farida'] }, async ({ page, browser }) => {
			const ids = await idsFromManager(page);
			const zainab = ids.zainab.split('/').pop();
			const child = await (await browser.newContext()).newPage();
			await signIn(child, 'jordan');
			await setDisplay(child, text);
			await scan(child, ['/me', '/account/password'], text);
			await setDisplay(child, 'normal');
			const carer = await (await browser.newContext()).newPage();
			await signIn(carer, 'farida');
			await setDisplay(carer, text);
			await scan(carer, ['/carer', `/carer/children/${zainab}`], text);
			await setDisplay(carer, 'normal');
		});

		test('manager pages', { lock: 'manager-display' }, async ({ page }) => {
			const ids = await idsFromManager(page);
			await setDisplay(page, text);
			await scan(
				page,
				['/manage', '/manage/allocations', '/manage/staff/new', '/manage/urgent', ids.ben],
				text
			);
			await setDisplay(page, 'normal');
		});

		// Locks keep tests that restyle the same account apart (see messages-helpers.ts).
		test('IRO pages', { lock: 'ben-display' }, async ({ page, browser }) => {
			const ids = await idsFromManager(page);
			const iro = await (await browser.newContext()).newPage();
			await signIn(iro, 'ben');
			await setDisplay(iro, text);
			const kacper = ids.kacper;
			await scan(
				iro,
				[
					'/iro',
					'/iro/children/new',
					kacper,
					`${kacper}/meetings/new`,
					`${kacper}/carers/new`,
					`${kacper}/letter`,
					`${kacper}/reset`,
					'/iro/profile'
				],
				text
			);
			await iro.goto('/iro/children/new');
			await iro.getByRole('button', { name: 'Add child' }).click();
			await expect(iro.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
			await expectNoAxeViolations(iro, 'add child errors');
			// Kacper has an account, so his letter page offers a password reset instead of a code; the
			// welcome letter and the reset note themselves are scanned in flow-accounts.e2e.ts.
			await setDisplay(iro, 'normal');
		});
	});
}
