import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, BASE_URL } from './fixtures';
import {
	addChild,
	capitalise,
	createIro,
	londonDay,
	newDevice,
	setDisplay,
	signIn,
	unique
} from './flow-helpers';
import { concernState, stageDueOn } from '../../src/lib/domain/oversight';

/**
 * The IRO's oversight log, as an IRO without JavaScript uses it: a concern is recorded (with errors
 * that keep what was typed), moved to formal stage 1, shows on the caseload, and is resolved. axe in
 * normal and large print, and in Arabic. Who else may open it is in the access matrix.
 */

async function axeAllWays(browser: Browser, page: Page, label: string) {
	const twin = await browser.newContext({ storageState: await page.context().storageState() });
	const scan = await twin.newPage();
	await scan.goto(page.url());
	await expectNoAxeViolations(scan, `${label} (normal)`);
	await setDisplay(scan, 'xlarge');
	await scan.reload();
	await expectNoAxeViolations(scan, `${label} (large print)`);
	await setDisplay(scan, 'normal');
	await twin.close();
}

test('an IRO records a concern about the plan, moves it to formal stage 1, sees it on the caseload and resolves it', async ({
	browser
}) => {
	test.setTimeout(300_000);
	const iro = await createIro(browser);
	const { page } = await newDevice(browser, { javaScriptEnabled: false });
	await signIn(page, iro.username, iro.password);
	const name = `Nia ${capitalise(unique())}`;
	const childId = await addChild(page, { fullName: name });

	// The child's page says there is nothing open, and leads to the log.
	await page.goto(`/iro/children/${childId}`);
	await expect(page.getByText('No open concerns')).toBeVisible();
	await page.getByRole('link', { name: /See the log/ }).click();
	await expect(page).toHaveURL(`/iro/children/${childId}/oversight`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Oversight log: ${name}`);
	await expect(page.getByText('No concerns have been recorded.')).toBeVisible();
	await axeAllWays(browser, page, 'oversight log, empty');

	// Sent half filled: each missing answer is named, and what was typed stays.
	await page.getByLabel('The concern').fill('No school place since the move.');
	await page.getByRole('button', { name: 'Record the concern' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary.getByRole('link')).toHaveText([
		'Choose what the concern is about',
		'Choose who you raised it with'
	]);
	await expect(page).toHaveTitle(/^Error/);
	await expect(page.getByLabel('The concern')).toHaveValue('No school place since the move.');

	const raisedOn = londonDay(-10);
	await page.getByLabel('What it is about').selectOption({ label: 'Education' });
	await page.getByLabel('Raised with').selectOption({ label: 'Social worker' });
	await page.getByLabel('Their name (optional)').fill('Priya Shah');
	await page.getByLabel('Date raised').fill(raisedOn);
	await page.getByRole('button', { name: 'Record the concern' }).click();
	await expect(page).toHaveURL(new RegExp(`/iro/children/${childId}/oversight/\\w+\\?raised=1$`));
	await expect(page.getByText('The concern has been recorded.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Concern: Education');
	const state = concernState({ resolvedOn: null, dueOn: stageDueOn(raisedOn, 'informal') }, londonDay(0));
	await expect(page.locator('.summary-list')).toContainText(state === 'overdue' ? 'Overdue' : 'Open');
	await expect(page.locator('.summary-list')).toContainText('Social worker, Priya Shah');
	const concernPage = new URL(page.url()).pathname;
	await axeAllWays(browser, page, 'a concern');

	// Moved on to formal stage 1 today: a second stage, due 10 working days from today.
	await page.getByLabel('Why it is moving on (optional)').fill('No answer at the informal stage.');
	await page.getByRole('button', { name: 'Move to Formal stage 1' }).click();
	await expect(page.getByText('The concern is now at Formal stage 1.')).toBeVisible();
	const steps = page.getByRole('region', { name: 'Stages' });
	await expect(page.locator('ol.steps > li')).toHaveCount(2);
	await expect(steps).toContainText('No answer at the informal stage.');
	await expect(page.locator('.summary-list')).toContainText('Open');

	// The caseload shows it, and so does the child's page.
	await page.goto('/iro');
	await expect(page.getByText('Oversight log: 1 open concern across your caseload')).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row.getByRole('link', { name: '1 open concern' })).toHaveAttribute(
		'href',
		`/iro/children/${childId}/oversight`
	);
	await page.goto(`/iro/children/${childId}`);
	await expect(page.locator('.summary-list')).toContainText('1 open concern');

	// A resolution before the concern was raised is refused; then it is resolved today.
	await page.goto(concernPage);
	await page.getByLabel('Date resolved').fill(londonDay(-20));
	await page.getByLabel('How it was resolved', { exact: true }).fill('A school place was found.');
	await page.getByRole('button', { name: 'Record as resolved' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'The date must be between the date it was raised and today'
	]);
	await expect(page.getByLabel('How it was resolved', { exact: true })).toHaveValue(
		'A school place was found.'
	);
	await page.getByLabel('Date resolved').fill(londonDay(0));
	await page.getByRole('button', { name: 'Record as resolved' }).click();
	await expect(page.getByText('The concern is recorded as resolved.')).toBeVisible();
	await expect(page.locator('.summary-list')).toContainText('A school place was found.');
	await expect(page.getByRole('button', { name: /Move to|Record as resolved/ })).toHaveCount(0);
	await page.goto('/iro');
	await expect(page.getByRole('row').filter({ hasText: name }).getByText('open concern')).toHaveCount(0);

	// Sending the resolve form again (a second tab) changes nothing and says why.
	const again = await page.request.post(`${concernPage}?/resolve`, {
		form: { resolvedOn: londonDay(0), resolution: 'Again' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(again.status()).toBe(409);

	// In Arabic, right to left, with no axe violations.
	await page.request.post('/settings?/language', {
		form: { language: 'ar', returnTo: '/' },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	await page.goto(concernPage);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('مخاوف: التعليم');
	await axeAllWays(browser, page, 'a concern in Arabic');
});

test("the manager reads a child's oversight log but cannot write in it", async ({ page }) => {
	await signIn(page, 'manager');
	await page.goto('/manage');
	const sam = await page.getByRole('link', { name: 'Samuel Carter' }).first().getAttribute('href');
	await page.goto(`${sam}/oversight`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Oversight log');
	await expect(page.getByRole('link', { name: 'Education' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Record the concern' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Education' }).click();
	await expect(page.locator('ol.steps > li')).toHaveCount(2);
	await expect(page.getByRole('button')).not.toContainText(['Record as resolved']);
});

/** Sets the signed-in user's display settings as a no-JavaScript browser posts them. */
async function display(page: Page, settings: Record<string, string>) {
	const response = await page.request.post('/settings?/display', {
		form: { returnTo: '/', ...settings },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

// The manager's display and language change for the scans: lock 'manager-display' (see axe.e2e.ts).
test(
	'the manager reads the service report, changes the period, downloads a table and prints it',
	{ lock: 'manager-display' },
	async ({ browser }) => {
		test.setTimeout(300_000);
		const { page } = await newDevice(browser);
		await signIn(page, 'manager');
		await page.goto('/manage');
		await page.getByRole('link', { name: 'Reports' }).click();
		await expect(page).toHaveURL('/manage/reports');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports');
		for (const section of [
			'Reviews held in timescale',
			'How children took part',
			'Caseloads',
			'Concerns raised about plans'
		])
			await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
		// The demo's written-up reviews are counted; no child's name is on the page.
		await expect(page.getByRole('table', { name: /Participation codes/ })).toBeVisible();
		await expect(page.locator('main')).not.toContainText('Samuel Carter');
		await expect(page.getByRole('table', { name: /Children allocated to each IRO today/ })).toContainText(
			'Amina Rahman'
		);

		// Another period, then a range that is not real: the error says so and this year is shown.
		await page.getByLabel('The last 12 months').check();
		await page.getByRole('button', { name: 'Show the figures' }).click();
		await expect(page).toHaveURL(/period=last12/);
		await expect(page.getByLabel('The last 12 months')).toBeChecked();
		await page.getByLabel('A range of dates').check();
		await page.getByLabel('From', { exact: true }).fill('2026-06-30');
		await page.getByLabel('To', { exact: true }).fill('2026-01-01');
		await page.getByRole('button', { name: 'Show the figures' }).click();
		await expect(page.getByText(/Enter a real range of dates/)).toBeVisible();

		// A table as CSV: its caption, its heads, a row per code; small numbers hidden.
		await page.goto('/manage/reports?period=last12');
		const link = page.getByRole('link', { name: /Download as CSV\s*: Participation codes/ });
		await expect(link).toHaveAttribute('download', '');
		const response = await page.request.get((await link.getAttribute('href'))!);
		expect(response.headers()['content-type']).toContain('text/csv');
		expect(response.headers()['content-disposition']).toMatch(
			/attachment; filename="voicebox-participation-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv"/
		);
		const csv = (await response.text()).replace(/^\uFEFF/, '');
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toContain('Participation codes');
		expect(lines.slice(2).map((l) => l.replace(/^"/, '').slice(0, 3))).toEqual([
			'PN0',
			'PN1',
			'PN2',
			'PN3',
			'PN4',
			'PN5',
			'PN6',
			'PN7'
		]);
		for (const line of lines.slice(2)) expect(line).not.toMatch(/,[1-4],|,[1-4]$/);

		// Printed, the period form and the download links are left off.
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByRole('button', { name: 'Show the figures' })).toBeHidden();
		await expect(page.getByRole('table', { name: /Participation codes/ })).toBeVisible();
		await page.emulateMedia({ media: 'screen' });

		await expectNoAxeViolations(page, 'reports (normal)');
		await display(page, { text: 'xlarge', contrast: 'high' });
		await page.reload();
		await expectNoAxeViolations(page, 'reports (large print, high contrast)');
		await display(page, {});
		await page.request.post('/settings?/language', {
			form: { language: 'ar', returnTo: '/' },
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('التقارير');
		await expectNoAxeViolations(page, 'reports (Arabic)');
		await page.request.post('/settings?/language', {
			form: { language: 'en', returnTo: '/' },
			headers: { origin: BASE_URL, accept: 'text/html' },
			maxRedirects: 0
		});
	}
);

test("an IRO's report covers only their own caseload", async ({ page }) => {
	await signIn(page, 'ben');
	await page.goto('/iro');
	await page.getByRole('link', { name: 'Reports' }).click();
	await expect(page).toHaveURL('/iro/reports');
	await expect(page.getByText('Figures for the children on your caseload.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Caseloads', exact: true })).toHaveCount(0);
	// Ben's demo concern (Kacper's placement) is counted; Amina's about Sam's school and family time are not.
	const subjects = page.getByRole('table', { name: /Concerns raised in the period/ });
	await expect(subjects.getByRole('row', { name: /Placement/ })).toContainText('1');
	await expect(subjects.getByRole('row', { name: /Education/ })).toContainText('0');
	expect((await page.request.get('/manage/reports')).status()).toBe(404);
});
