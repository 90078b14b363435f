import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, BASE_URL } from './fixtures';
import { childWithAccount, createIro, newDevice, signIn } from './flow-helpers';
import { conversationId, hydrated } from './messages-helpers';

/**
 * The report's newer figures as people use them: a new IRO's child sends an urgent message, the IRO
 * acknowledges it, and the IRO's report counts it (and how soon), with their caseload at each month
 * end against the 50 to 70 in words; both download as CSV, read back by parsing. The manager sees
 * each IRO's caseload over the period. axe on the IRO's report in large print with high contrast,
 * and in Arabic. Lock: 'manager-display' (another test restyles the manager's pages).
 */

test.describe.configure({ timeout: 240_000 });

/** A CSV file as rows of cells (RFC 4180: quoted cells may hold commas, quotes and line ends). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [[]];
	let cell = '';
	let quoted = false;
	const endCell = () => {
		rows.at(-1)!.push(cell);
		cell = '';
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted && c === '"' && text[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (c === '"') quoted = !quoted;
		else if (quoted) cell += c;
		else if (c === ',') endCell();
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endCell();
			rows.push([]);
		} else cell += c;
	}
	if (cell || rows.at(-1)!.length) endCell();
	else rows.pop();
	return rows;
}

async function downloadCsv(page: Page, caption: RegExp): Promise<string[][]> {
	const link = page.getByRole('link', { name: new RegExp(`Download as CSV\\s*: ${caption.source}`) });
	const response = await page.request.get((await link.getAttribute('href'))!);
	expect(response.headers()['content-type']).toContain('text/csv');
	return parseCsv((await response.text()).replace(/^\uFEFF/, ''));
}

async function settings(page: Page, action: 'display' | 'language', form: Record<string, string>) {
	const response = await page.request.post(`/settings?/${action}`, {
		form: { returnTo: '/', ...form },
		headers: { origin: BASE_URL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

test("an IRO's report counts urgent messages and how soon they were acknowledged, and their caseload over the year", async ({
	browser
}) => {
	const iro = await createIro(browser);
	const { page } = await newDevice(browser);
	await signIn(page, iro.username, iro.password);
	const child = await childWithAccount(browser, page);

	// The child sends an urgent message; the IRO acknowledges it at once.
	await child.page.goto('/me/safe');
	await hydrated(child.page);
	await child.page
		.getByLabel('What is happening? You can write just a few words.')
		.fill('I am scared tonight');
	await child.page.getByRole('button', { name: 'Send urgent message' }).click();
	await expect(child.page.getByRole('heading', { name: 'Your urgent message has been sent' })).toBeVisible();
	const id = await conversationId(page, new RegExp(child.name));
	await page.goto(`/iro/conversations/${id}`);
	await page.getByLabel('What have you done about it?').fill('Phoned the carer; visiting today.');
	await page.getByRole('button', { name: 'Acknowledge urgent message' }).click();
	await expect(page.getByText('Acknowledged. Your note is kept with the message.')).toBeVisible();

	await page.goto('/iro/reports');
	const urgent = page.getByRole('table', {
		name: /^Urgent messages from children and carers sent in the period: 1\./
	});
	await expect(urgent).toBeVisible();
	await expect(urgent.getByRole('row', { name: /Within an hour/ })).toContainText('1');
	await expect(urgent.getByRole('row', { name: /Not acknowledged yet/ })).toContainText('0');
	// Drawn as a chart too (the table holds the same figures for screen readers).
	await expect(page.locator('section', { has: urgent }).locator('svg rect')).toHaveCount(4);

	// The caseload at each month end, with the IRO Handbook's 50 to 70 said in words.
	const trend = page.getByRole('table', { name: /Children on your caseload at each month end/ });
	await expect(trend.getByRole('row').last()).toContainText('1');
	await expect(trend.getByRole('row').last()).toContainText('Under 50');
	await expect(
		page.getByText('The IRO Handbook suggests 50 to 70 children for each full-time IRO.').first()
	).toBeVisible();
	// Only the manager sees each IRO's caseload.
	await expect(page.getByRole('heading', { name: "Each IRO's caseload over the period" })).toHaveCount(0);

	// Both as CSV: one message, so "fewer than 5"; the trend a date a row.
	const urgentCsv = await downloadCsv(page, /Urgent messages from children/);
	expect(urgentCsv[1]).toEqual(['Acknowledged', 'Messages', '%']);
	expect(urgentCsv.slice(2).map((r) => r[0])).toEqual([
		'Within an hour',
		'Later the same working day (the next one if sent out of hours)',
		'After that',
		'Not acknowledged yet'
	]);
	expect(urgentCsv[2].slice(1)).toEqual(['fewer than 5', 'fewer than 5']);
	expect(urgentCsv[5].slice(1)).toEqual(['0', '0%']);
	const trendCsv = await downloadCsv(page, /Children on your caseload/);
	const last = trendCsv.at(-1)!;
	expect(last[0]).toMatch(/^\d{4}-\d\d-\d\d$/);
	expect(last.slice(1)).toEqual(['fewer than 5', 'Under 50']);

	// axe: large print with high contrast, then Arabic (right to left).
	await settings(page, 'display', { text: 'xlarge', contrast: 'high' });
	await page.reload();
	await expectNoAxeViolations(page, 'IRO reports (large print, high contrast)');
	await settings(page, 'display', {});
	await settings(page, 'language', { language: 'ar' });
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 2, name: 'الرسائل العاجلة' })).toBeVisible();
	await expectNoAxeViolations(page, 'IRO reports (Arabic)');
});

test(
	"the manager reads each IRO's caseload at each month end, as a table, a chart and a CSV",
	{ lock: 'manager-display' },
	async ({ page }) => {
		await signIn(page, 'manager');
		await page.goto('/manage/reports');
		await expect(page.getByRole('heading', { level: 2, name: 'Caseloads over the period' })).toBeVisible();
		const service = page.getByRole('table', { name: /for the whole service/ });
		await expect(service.getByRole('columnheader', { name: 'IROs within 50 to 70' })).toBeVisible();
		await expect(service.getByRole('columnheader', { name: 'Average per IRO' })).toBeVisible();
		const byIro = page.getByRole('table', { name: /Children allocated to each IRO at each month end/ });
		await expect(byIro.getByRole('row', { name: /Amina Rahman/ })).toBeVisible();
		// Charts for the other figures: participation, shares, feedback, concerns, languages.
		for (const caption of [
			/Participation codes/,
			/Of the reviews held/,
			/Concerns raised in the period/,
			/The stage each concern/,
			/with an account/
		])
			await expect(
				page
					.locator('section', { has: page.getByRole('table', { name: caption }) })
					.locator('svg')
					.first()
			).toBeAttached();

		const csv = await downloadCsv(page, /Children allocated to each IRO at each month end/);
		expect(csv[1][0]).toBe('IRO');
		for (const head of csv[1].slice(1)) expect(head).toMatch(/^\d{4}-\d\d-\d\d$/);
		const amina = csv.find((r) => r[0] === 'Amina Rahman')!;
		expect(amina).toHaveLength(csv[1].length);
		for (const cell of amina.slice(1)) expect(cell).toMatch(/^(\d+|fewer than 5)$/);
	}
);
