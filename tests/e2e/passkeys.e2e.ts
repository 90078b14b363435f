import type { BrowserContext, Page } from '@playwright/test';
import { test, expect as baseExpect, expectNoAxeViolations, BASE_URL } from './fixtures';
import { createIro, hydrated, newDevice, setDisplay, signIn, type Iro } from './flow-helpers';

/**
 * Staff passkeys with Chromium's virtual authenticator (DevTools protocol). The e2e server runs with
 * STAFF_SECOND_FACTOR unset (optional), so the demo and the other tests sign in as before; a staff
 * member who has added a passkey must use it at every sign-in, which is what these tests see. The
 * "required" setting (no passkey yet: set one up first) is tested at unit level against the hook
 * (tests/unit/passkeys.test.ts). Each test makes its own IRO.
 */
test.describe.configure({ timeout: 480_000 });
// Recovery codes are hashed and checked with argon2 (ten at a time): slow on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

async function virtualAuthenticator(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: true
		}
	});
}

async function signOut(page: Page) {
	const response = await page.request.post('/signout', {
		form: { signOut: '1' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

/** Signs the IRO in on a device with a virtual authenticator, adds a passkey, returns the recovery codes. */
async function addPasskey(page: Page, iro: Iro, name = 'Work laptop'): Promise<string[]> {
	await virtualAuthenticator(page);
	await signIn(page, iro.username, iro.password);
	await page.goto('/account/passkeys');
	await hydrated(page);
	await page.getByLabel('Name for this passkey').fill(name);
	await page.getByRole('button', { name: 'Add a passkey' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery codes' })).toBeVisible();
	const codes = await page.locator('.code-list code').allTextContents();
	expect(codes).toHaveLength(10);
	return codes;
}

test('an IRO adds a passkey, signs out, and signs in again with password and passkey', async ({
	page,
	browser
}) => {
	const iro = await createIro(browser);
	await page.goto('/');
	await setDisplay(page, 'normal');
	const codes = await addPasskey(page, iro);
	expect(codes[0]).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
	await expect(page.getByText('Your passkey has been added.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Work laptop' })).toBeVisible();
	await expect(page.getByText('Not used to sign in yet')).toBeVisible();
	await expect(page.getByText('You have 10 unused recovery codes.')).toBeVisible();
	await expectNoAxeViolations(page, 'passkeys page with new codes');

	await signOut(page);
	await signIn(page, iro.username, iro.password);
	await expect(page).toHaveURL(/\/account\/second-factor\?returnTo=%2Firo$/);
	await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
	// Nothing else until the passkey is used: pages and the passkeys page alike.
	await page.goto('/iro/inbox');
	await expect(page).toHaveURL(/\/account\/second-factor\?returnTo=%2Firo%2Finbox$/);
	await page.goto('/account/passkeys');
	await expect(page).toHaveURL(/\/account\/second-factor/);
	await expectNoAxeViolations(page, 'second-factor page');

	await hydrated(page);
	await page.getByRole('button', { name: 'Use my passkey' }).click();
	await expect(page).toHaveURL(/\/account\/passkeys$/);
	await page.goto('/iro');
	await expect(page).toHaveURL(/\/iro$/);
	await page.goto('/account/passkeys');
	await expect(page.getByText(/Last used /)).toBeVisible();
});

test('a recovery code works once, without JavaScript', async ({ page, browser }) => {
	const iro = await createIro(browser);
	const codes = await addPasskey(page, iro);
	await signOut(page);

	const plain = await newDevice(browser, { javaScriptEnabled: false });
	const device: { context: BrowserContext; page: Page } = plain;
	await signIn(device.page, iro.username, iro.password);
	await expect(device.page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
	await expect(
		device.page.getByText('Passkeys need JavaScript, which is turned off in this browser.')
	).toBeVisible();
	// Pressing the passkey button without JavaScript says why, instead of failing silently.
	await device.page.getByRole('button', { name: 'Use my passkey' }).click();
	await expect(device.page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();

	await device.page.getByLabel('Recovery code').fill(codes[0].toUpperCase());
	await device.page.getByRole('button', { name: 'Continue with this code' }).click();
	await expect(device.page).toHaveURL(/\/account\/passkeys\?done=recovery$/);
	await expect(device.page.getByText('You used a recovery code. You have 9 codes left.')).toBeVisible();
	await device.page.goto('/iro');
	await expect(device.page).toHaveURL(/\/iro$/);

	await signOut(device.page);
	await signIn(device.page, iro.username, iro.password);
	await device.page.getByLabel('Recovery code').fill(codes[0]);
	await device.page.getByRole('button', { name: 'Continue with this code' }).click();
	await expect(device.page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(device.page.getByRole('link', { name: /has already been used/ })).toBeVisible();
	await expect(device.page.getByLabel('Recovery code')).toHaveValue(codes[0]);
	// axe runs in the page, so the same error is scanned in a twin browser with scripts, same session.
	const twin = await browser.newContext({ storageState: await device.context.storageState() });
	const scan = await twin.newPage();
	await scan.goto('/account/second-factor');
	await scan.waitForLoadState('networkidle');
	await scan.getByLabel('Recovery code').fill(codes[0]);
	await scan.getByRole('button', { name: 'Continue with this code' }).click();
	await expect(scan.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expectNoAxeViolations(scan, 'second-factor page, a used code');
	await twin.close();
	await device.page.getByLabel('Recovery code').fill(codes[1]);
	await device.page.getByRole('button', { name: 'Continue with this code' }).click();
	await expect(device.page).toHaveURL(/\/account\/passkeys\?done=recovery$/);
	await device.context.close();
});

test('new recovery codes replace the old ones', async ({ page, browser }) => {
	const iro = await createIro(browser);
	await addPasskey(page, iro);
	await page.getByRole('button', { name: 'Make new recovery codes' }).click();
	await expect(page.getByText('You have new recovery codes. The old ones no longer work.')).toBeVisible();
	await expect(page.locator('.code-list code')).toHaveCount(10);
});

test('passkey pages in large print pass axe', async ({ page, browser }) => {
	const iro = await createIro(browser);
	await page.goto('/');
	await addPasskey(page, iro);
	await setDisplay(page, 'xlarge');
	await page.goto('/account/passkeys');
	await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expectNoAxeViolations(page, 'passkeys page (xlarge)');
	await signOut(page);
	await signIn(page, iro.username, iro.password);
	await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expectNoAxeViolations(page, 'second-factor page (xlarge)');
});

test('a child’s sign-in is unchanged, and passkeys are not theirs', async ({ page }) => {
	await signIn(page, 'sam');
	await expect(page).toHaveURL(/\/me$/);
	const passkeyPage = await page.goto('/account/passkeys');
	expect(passkeyPage?.status()).toBe(404);
	await page.goto('/account/second-factor');
	await expect(page).toHaveURL(/\/me$/);
});
