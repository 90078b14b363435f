import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { childWithAccount, createIro, hydrated, newDevice, signIn } from './flow-helpers';

/** Flows 7 and 8: too many wrong passwords, signing out, and changing the password. */

const WRONG = 'The username or password is not right. Check them and try again.';

async function trySignIn(page: Page, login: string, password: string) {
	await page.getByLabel('Username or email address').fill(login);
	await page.getByLabel('Password', { exact: true }).fill(password);
	const response = page.waitForResponse(
		(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/signin'
	);
	await page.getByRole('button', { name: 'Sign in' }).click();
	return response;
}

test('after 5 wrong passwords, even the right one is refused for a while (429)', async ({
	page,
	browser
}) => {
	// A brand-new account, so no one else's sign-in is slowed down.
	const iro = await createIro(browser);
	await page.goto('/signin');
	await hydrated(page);
	for (let i = 1; i <= 5; i++) {
		await trySignIn(page, iro.username, `wrong guess ${i}`);
		await expect(page.locator('.error-summary').getByRole('link')).toHaveText([WRONG]);
	}

	const sixth = await trySignIn(page, iro.username, iro.password);
	const result = await sixth.json();
	expect(result).toMatchObject({ type: 'failure', status: 429 });
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	// A wait, said in whole minutes (the first is 30 seconds), not a lock.
	await expect(summary.getByRole('link')).toHaveText([
		'Too many tries. For your safety, wait 1 minute, then try again.'
	]);
	await expect(page).toHaveURL(/\/signin$/);
	await expect(page).toHaveTitle(/^Error: Sign in/);
	await expect(page.getByLabel('Username or email address')).toHaveValue(iro.username);

	// Without JavaScript too, the page itself answers 429, and it does not sign in.
	const plain = await page.request.post('/signin', {
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		form: { login: iro.username, password: iro.password, returnTo: '' },
		maxRedirects: 0
	});
	expect(plain.status()).toBe(429);
	expect(await plain.text()).toContain('Too many tries. For your safety, wait 1 minute, then try again.');
	await page.goto('/iro');
	await expect(page).toHaveURL(/\/signin\?returnTo=%2Firo$/);
});

test('signing out ends the session: Back and revisiting go to sign in, and the old cookie is dead', async ({
	page,
	browser
}) => {
	await signIn(page, 'sam');
	await expect(page).toHaveURL('/me');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'vb_session');
	expect(cookie).toBeTruthy();

	await page.getByRole('button', { name: 'Sign out (Sam)' }).click();
	await expect(page).toHaveURL('/signin?signedOut=1');
	await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
	await expect(page.getByRole('button', { name: /Sign out/ })).toHaveCount(0);

	await page.goBack();
	await expect(page).toHaveURL(/\/signin/);
	await expect(page.getByText('Hi Sam!')).toHaveCount(0);
	await page.goto('/me');
	await hydrated(page);
	await expect(page).toHaveURL('/signin?returnTo=%2Fme');
	await expect(page.getByText('Hi Sam!')).toHaveCount(0);

	// Someone who copied the cookie before sign-out gets nothing with it.
	const thief = await newDevice(browser);
	await thief.context.addCookies([cookie!]);
	await thief.page.goto('/me');
	await expect(thief.page).toHaveURL('/signin?returnTo=%2Fme');
	await thief.context.close();

	// Signing in again works, and returns to where you were going.
	await page.getByLabel('Username or email address').fill('sam');
	await page.getByLabel('Password', { exact: true }).fill('voicebox demo 2026');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/me');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hi Sam!');
});

test('changing the password keeps this device signed in and signs out every other one', async ({
	page,
	browser
}) => {
	await signIn(page, 'amina');
	const child = await childWithAccount(browser, page);
	const phone = await newDevice(browser);
	await signIn(phone.page, child.username, child.password);
	await expect(phone.page).toHaveURL('/me');

	const me = child.page;
	await me.goto('/me');
	await me
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Change password' })
		.click();
	await expect(me.getByRole('heading', { name: 'Change your password', level: 1 })).toBeVisible();
	await hydrated(me);

	// Mistakes are explained, and change nothing.
	await me.getByLabel('Your password now').fill('not my password');
	await me.getByLabel('New password').fill('short');
	await me.getByRole('button', { name: 'Change password' }).click();
	await expect(me.locator('.error-summary').getByRole('link')).toHaveText(['Use at least 8 characters']);
	await me.getByLabel('New password').fill(`new and long enough ${child.name}`);
	await me.getByRole('button', { name: 'Change password' }).click();
	await expect(me.locator('.error-summary').getByRole('link')).toHaveText(['Your password now is not right']);
	await expect(me).toHaveTitle(/^Error: Change your password/);
	await phone.page.reload();
	await expect(phone.page).toHaveURL('/me');

	const fresh = `new and long enough ${child.name}`;
	await me.getByLabel('Your password now').fill(child.password);
	await me.getByLabel('New password').fill(fresh);
	await me.getByRole('button', { name: 'Change password' }).click();
	await expect(me).toHaveURL('/me?passwordChanged=1');
	await expect(me.getByRole('status')).toHaveText(
		'Your password has been changed. You have been signed out everywhere else.'
	);
	await me.goto('/me');
	await expect(me.getByRole('heading', { level: 1 })).toHaveText(`Hi ${child.name}!`);

	// The other device is signed out…
	await phone.page.goto('/me');
	await expect(phone.page).toHaveURL('/signin?returnTo=%2Fme');
	// …and can sign in with the new password.
	await signIn(phone.page, child.username, fresh);
	await expect(phone.page).toHaveURL('/me');
	await phone.context.close();
	await child.context.close();
	expect([...child.csp, ...phone.csp], 'CSP violations').toEqual([]);
});
