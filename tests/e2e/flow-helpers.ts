import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, DEMO_PASSWORD, BASE_URL } from './fixtures';
import { daysBetween } from '../../src/lib/domain/dates';

/**
 * Helpers for the flow tests. Every test that changes data makes its own records (children, IROs,
 * accounts) with a unique suffix, so that two workers on one database never step on each other.
 */

let counter = 0;
/** Letters only, so it can go into names and usernames alike. */
export function unique(): string {
	counter += 1;
	const n = Date.now() * 100 + Math.floor(Math.random() * 100) + counter;
	return n.toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
}

export function capitalise(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * Days from today (London) to the English date a meeting card shows ("Tuesday, 15 December 2026 at
 * 15:00"). The demo's meetings are seeded when the test server starts, so a run that crosses midnight
 * sees one day fewer than the seed's count: the expected "in N days" comes from the date on the card.
 */
export async function daysToShownMeeting(card: Locator): Promise<number> {
	const text = (await card.textContent()) ?? '';
	const shown = new RegExp(`(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})`).exec(text);
	expect(shown, `a date in “${text}”`).not.toBeNull();
	const [, day, month, year] = shown!;
	const iso = `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
	return daysBetween(londonDay(), iso);
}

/** YYYY-MM-DD in London, `days` from today. */
export function londonDay(days = 0): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
		Date.now() + days * 86_400_000
	);
}

/**
 * Waits until the page's scripts have loaded and run. Svelte's hydration resets text typed into a
 * field before it, so tests fill forms only after this (a slow phone has the same problem).
 */
export async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle');
}

/**
 * Signs in like fixtures.signIn, but types only once the page is hydrated: until Svelte's hydration
 * stops clearing typed text (see the "typed before the page has finished loading" test), typing
 * earlier loses the username now and then when the machine is busy.
 */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
	await page.goto('/signin');
	await hydrated(page);
	await page.getByLabel('Username or email address').fill(login);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/**
 * The IRO's whole caseload, as pressing "Show more" until it has gone reaches it: the end-to-end tests
 * add children to the demo IROs' caseloads, so the child a test looks for may be past the first page.
 */
export async function wholeCaseload(page: Page) {
	await page.goto('/iro?shown=1000');
}

/** Records Content-Security-Policy violations on a page made outside the `page` fixture. */
export async function watchCsp(page: Page): Promise<string[]> {
	const violations: string[] = [];
	await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	return violations;
}

/**
 * A child on the caseload of the IRO signed in on `page`, with a meeting booked `meetingIn` days ahead
 * and an invite code issued: `name` is the preferred name, `tag` the unique suffix for usernames.
 */
export async function childWithCode(
	page: Page,
	child: { first: string; dateOfBirth: string; meetingIn?: number }
): Promise<{ tag: string; name: string; childId: string; code: string }> {
	const tag = unique();
	const name = capitalise(tag);
	const childId = await addChild(page, {
		fullName: `${child.first} ${name}`,
		preferredName: name,
		dateOfBirth: child.dateOfBirth
	});
	await scheduleMeeting(page, childId, child.meetingIn ?? 15);
	const code = await issueCode(page, childId, `Issue a code for ${name}`);
	return { tag, name, childId, code };
}

/** A new browser context (a separate device) with one page in it. */
export async function newDevice(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	const csp = options.javaScriptEnabled === false ? [] : await watchCsp(page);
	return { context, page, csp };
}

export interface Iro {
	id: string;
	username: string;
	displayName: string;
	email: string;
	password: string;
}

/** The manager (on a device of their own) creates a brand-new IRO account through the real form. */
export async function createIro(browser: Browser): Promise<Iro> {
	const { context, page } = await newDevice(browser);
	const tag = unique();
	const iro = {
		id: '',
		username: `iro.${tag}`,
		displayName: `Robin ${capitalise(tag)}`,
		email: `robin.${tag}@northfield.example`,
		password: `first password ${tag}`
	};
	await signIn(page, 'manager');
	await page.goto('/manage/staff/new');
	await hydrated(page);
	// By field name, not label: a test holding the 'manager-display' lock may have the manager's pages
	// in Arabic at this moment (the language is the account's), and this helper takes no lock.
	const form = page.locator('main form[method="post"]');
	await form.locator('[name="displayName"]').fill(iro.displayName);
	await form.locator('[name="username"]').fill(iro.username);
	await form.locator('[name="email"]').fill(iro.email);
	await form.locator('[name="password"]').fill(iro.password);
	await form.locator('button[type="submit"]').click();
	await expect(page).toHaveURL(/\/manage\?iroAdded=1$/);
	const link = page.getByRole('link', { name: iro.displayName, exact: true });
	iro.id = (await link.getAttribute('href'))!.split('/').pop()!;
	await context.close();
	return iro;
}

export interface NewChild {
	fullName: string;
	preferredName?: string;
	dateOfBirth?: string;
	status?: 'Cared for' | 'Child protection plan';
	startDate?: string;
	languages?: string;
}

/** An IRO (signed in on `page`) adds a child through the form; returns the child's id. */
export async function addChild(page: Page, child: NewChild): Promise<string> {
	await page.goto('/iro/children/new');
	await fillChildForm(page, child);
	await page.getByRole('button', { name: 'Add child' }).click();
	await expect(page).toHaveURL(/\/iro\/children\/[^/]+\?added=1$/);
	await expect(page.getByText('The child has been added to your caseload.')).toBeVisible();
	return new URL(page.url()).pathname.split('/').pop()!;
}

export async function fillChildForm(page: Page, child: NewChild) {
	await hydrated(page);
	await page.getByLabel('Full name').fill(child.fullName);
	if (child.preferredName !== undefined) await page.getByLabel('Preferred name').fill(child.preferredName);
	await page.getByLabel('Date of birth').fill(child.dateOfBirth ?? '2014-06-15');
	await page
		.getByRole('group', { name: 'Status' })
		.getByLabel(child.status ?? 'Cared for', { exact: true })
		.check();
	await page
		.getByLabel('Date they became cared for, or date of the strategy discussion')
		.fill(child.startDate ?? '2024-02-01');
	if (child.languages !== undefined) await page.getByLabel('Languages').fill(child.languages);
}

/**
 * On the child's record, presses the invite button ("Issue a code for …" / "New code for …") and
 * reads the code from the welcome letter.
 */
export async function issueCode(page: Page, childId: string, button: string): Promise<string> {
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('button', { name: button, exact: true }).click();
	await expect(page.getByText('A new code has been issued.')).toBeVisible();
	const code = (await page.locator('.letter-code').innerText()).trim();
	expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
	return code;
}

/** Types the code at /join and presses Continue. */
export async function enterCode(page: Page, code: string) {
	await page.goto('/join');
	await hydrated(page);
	await page.getByLabel('Your code').fill(code);
	await page.getByRole('button', { name: 'Continue' }).click();
}

/** Redeems a code for a new account: choose a username and password, land signed in. */
export async function join(page: Page, code: string, username: string, password: string) {
	await enterCode(page, code);
	await page.getByLabel('Choose a username').fill(username);
	await page.getByLabel('Choose a password').fill(password);
	await page.getByRole('button', { name: 'Save and sign in' }).click();
	await page.waitForURL((url) => url.searchParams.has('welcome'));
}

/** A child with an account of their own, on amina's caseload, signed in on a device of its own. */
export async function childWithAccount(browser: Browser, iroPage: Page) {
	const tag = unique();
	const name = capitalise(tag);
	const childId = await addChild(iroPage, { fullName: `${name} Test`, preferredName: name });
	const code = await issueCode(iroPage, childId, `Issue a code for ${name}`);
	const device = await newDevice(browser);
	const username = `child.${tag}`;
	const password = `correct horse ${tag}`;
	await join(device.page, code, username, password);
	return { ...device, childId, name, username, password };
}

/** Sets the signed-in user's text size through the settings form, as a no-JavaScript browser posts it. */
export async function setDisplay(page: Page, text: 'normal' | 'xlarge') {
	const response = await page.request.post('/settings?/display', {
		form: { text, returnTo: '/' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

/** The IRO (on `page`) books a meeting for the child, `days` from today. */
export async function scheduleMeeting(page: Page, childId: string, days: number) {
	await page.goto(`/iro/children/${childId}`);
	await page.getByRole('link', { name: 'Schedule a meeting' }).click();
	await hydrated(page);
	await page.getByLabel('Date', { exact: true }).fill(londonDay(days));
	await page.getByLabel('Time', { exact: true }).fill('15:30');
	await page.getByLabel('Where').fill('Northfield Family Centre');
	await page
		.getByRole('group', { name: 'How people take part' })
		.getByLabel('In person', { exact: true })
		.check();
	await page.getByRole('button', { name: 'Schedule meeting' }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}?scheduled=1`);
}

/** A carer linked to the child through the IRO's form, who joins with their code on a device of their own. */
export async function carerWithAccount(browser: Browser, iro: Page, childId: string, fullName: string) {
	await iro.goto(`/iro/children/${childId}/carers/new`);
	await hydrated(iro);
	const form = iro.locator('form[action="?/add"]');
	await form.getByLabel('Full name').fill(fullName);
	await form.getByLabel('Who they are to the child').fill('Foster carer');
	await form.getByRole('button', { name: 'Add and link' }).click();
	await expect(iro).toHaveURL(/carerAdded=1/);
	const code = await issueCode(iro, childId, `Issue a code for ${fullName}`);
	const device = await newDevice(browser, { javaScriptEnabled: false });
	const tag = unique();
	await join(device.page, code, `carer.${tag}`, `garden gate ${tag}`);
	return device;
}

/**
 * axe on the page as it is and in extra-large text (the user's own setting), in a browser with
 * JavaScript (axe runs in the page) signed in with the same session, then back to normal text.
 */
export async function axeBothSizes(browser: Browser, page: Page, label: string) {
	const twin = await browser.newContext({ storageState: await page.context().storageState() });
	const scan = await twin.newPage();
	await scan.goto(page.url());
	await expectNoAxeViolations(scan, `${label} (normal)`);
	await setDisplay(scan, 'xlarge');
	await scan.reload();
	await expect(scan.locator('html')).toHaveAttribute('data-text', 'xlarge');
	await expectNoAxeViolations(scan, `${label} (large print)`);
	await setDisplay(scan, 'normal');
	await twin.close();
}

export { DEMO_PASSWORD };
