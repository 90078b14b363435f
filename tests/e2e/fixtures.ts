import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'voicebox demo 2026';
export const BASE_URL = `http://localhost:${process.env.E2E_PORT || 4173}`;
const MAIL_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT || 4173) + 1001}/emails`;

export interface Email {
	to: string[];
	subject: string;
	text: string;
	receivedAt: number;
}

/** Emails the server sent to the test SMTP server (tests/e2e/mail-sink.js), oldest first. */
export async function sentEmails(): Promise<Email[]> {
	return (await fetch(MAIL_URL)).json();
}

/** WCAG 2.2 A/AA, including target size (2.5.8), which axe runs only when its tag is asked for. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page, label = page.url()) {
	// Scanned from the top of the page: axe's target-size rule counts a header link as small while a
	// scrolled page has it half under the sticky quick-exit bar, which depends only on where the last
	// click left the scroll (at the top, the bar has its own space and covers nothing).
	await page.evaluate(() => window.scrollTo(0, 0));
	const aa = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	// Text contrast at AAA (7:1), which the council's large-print and low-vision promise needs.
	const aaa = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
	const summary = [...aa.violations, ...aaa.violations].map((v) => ({
		rule: v.id,
		impact: v.impact,
		targets: v.nodes.slice(0, 5).map((n) => n.target.join(' '))
	}));
	expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function signIn(page: Page, login: string, password = DEMO_PASSWORD) {
	await page.goto('/signin');
	await page.getByLabel('Username or email address').fill(login);
	await page.getByLabel('Password', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Sets display settings through the real form, as a user would. */
export async function setTextSize(page: Page, size: 'Normal' | 'Large' | 'Extra large') {
	await page.getByText('Language and display', { exact: true }).first().click();
	await page.getByRole('group', { name: 'Text size' }).getByLabel(size, { exact: true }).check();
	await page.getByRole('button', { name: 'Save display settings' }).click();
}

/** Every test fails on any Content-Security-Policy violation. */
export const test = base.extend({
	page: async ({ page }, use) => {
		const violations: string[] = [];
		await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
					`${e.violatedDirective} ${e.blockedURI}`
				)
			);
		});
		await use(page);
		expect(violations, 'CSP violations').toEqual([]);
	}
});

export { expect };
