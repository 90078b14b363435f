import { test, expect, DEMO_PASSWORD } from './fixtures';
import { hydrated, signIn, unique } from './flow-helpers';

/** Flow 1: every demo role lands on its own home; a wrong password gets one calm message. */

test('a child signs in and sees their name, their next meeting and their IRO', async ({ page }) => {
	await signIn(page, 'sam');
	await expect(page).toHaveURL('/me');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hi Sam!');
	const meeting = page.getByRole('region', { name: 'My next meeting' });
	// The demo meeting is 9 days away (8 if the test runs in the last hour of a British summer day).
	await expect(meeting).toContainText(/Your meeting is in [89] days\./);
	await expect(meeting).toContainText('Northfield Family Centre');
	const iro = page.getByRole('region', { name: 'Meet your IRO' });
	await expect(iro).toContainText('Amina Rahman');
	await expect(iro.getByRole('link', { name: '0300 123 4501' })).toHaveAttribute('href', 'tel:03001234501');
	await expect(page.getByRole('button', { name: 'Sign out (Sam)' })).toBeVisible();
});

test('a carer sees the children they look after, and only those', async ({ page }) => {
	await signIn(page, 'helen');
	await expect(page).toHaveURL('/carer');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Helen Price');
	await expect(page.getByRole('link', { name: 'Sam', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Maya', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: /Zainab/ })).toHaveCount(0);
	await expect(page.getByText(/Zainab/)).toHaveCount(0);
	// Staff pages are not for carers: they answer "Not found".
	const response = await page.goto('/iro');
	expect(response?.status()).toBe(404);
});

test('an IRO lands on their caseload', async ({ page }) => {
	await signIn(page, 'ben');
	await expect(page).toHaveURL('/iro');
	await expect(page.getByRole('heading', { name: 'My caseload', level: 1 })).toBeVisible();
	const table = page.getByRole('table', { name: 'Caseload of Ben Kowalski' });
	await expect(table.getByRole('link', { name: 'Kacper Nowak' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Jordan Smith' })).toBeVisible();
	await expect(table.getByRole('row', { name: /Jordan Smith/ })).toContainText('Overdue');
	await expect(table.getByRole('link', { name: 'Samuel Carter' })).toHaveCount(0);
});

test('the manager lands on the service overview', async ({ page }) => {
	await signIn(page, 'manager');
	await expect(page).toHaveURL('/manage');
	await expect(page.getByRole('heading', { name: 'Service overview', level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Amina Rahman', exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ben Kowalski', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out (Grace Okafor)' })).toBeVisible();
});

test('a signed-in user who opens /signin goes to their home instead', async ({ page }) => {
	await signIn(page, 'jordan');
	await expect(page).toHaveURL('/me');
	await page.goto('/signin');
	await expect(page).toHaveURL('/me');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hi Jordan!');
});

const WRONG = 'The username or password is not right. Check them and try again.';

test('a wrong password gets one calm message that does not say which part was wrong', async ({ page }) => {
	await page.goto('/signin');
	await hydrated(page);
	await page.getByLabel('Username or email address').fill('sam');
	await page.getByLabel('Password', { exact: true }).fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();

	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('alert')).toContainText('There is a problem');
	await expect(summary.getByRole('link', { name: WRONG })).toBeVisible();
	await expect(page).toHaveTitle(/^Error: Sign in/);
	await expect(page).toHaveURL(/\/signin$/);
	await expect(page.getByLabel('Username or email address')).toHaveValue('sam');
	await expect(page.getByLabel('Username or email address')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(/password is wrong|no such user|not found|unknown user/i)).toHaveCount(0);

	// The error link takes you to the field.
	await summary.getByRole('link', { name: WRONG }).click();
	await expect(page.getByLabel('Username or email address')).toBeFocused();

	// A username that does not exist gets exactly the same words.
	const ghost = `nobody.${unique()}`;
	await page.getByLabel('Username or email address').fill(ghost);
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([WRONG]);
	await expect(page.getByLabel('Username or email address')).toHaveValue(ghost);
	await expect(page).toHaveTitle(/^Error: Sign in/);
});

test('an empty sign-in form asks for both parts, without counting as a wrong try', async ({ page }) => {
	await page.goto('/signin');
	await page.getByRole('button', { name: 'Sign in' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('link')).toHaveText([
		'Enter your username or email address',
		'Enter your password'
	]);
	await expect(page).toHaveTitle(/^Error: Sign in/);
});

// On a slow phone a child may type before the page's scripts run: hydration must keep what they typed.
test('text typed before the page has finished loading is kept', async ({ page }) => {
	// Hold back the page's scripts, as a slow phone connection would, while the child types.
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await gate;
		await route.continue();
	});
	await page.goto('/signin', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Username or email address').fill('sam');
	await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
	release();
	await hydrated(page);
	await expect(page.getByLabel('Username or email address')).toHaveValue('sam');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL('/me');
});
