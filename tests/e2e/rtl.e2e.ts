import type { Locator, Page } from '@playwright/test';
import { test, expect, BASE_URL } from './fixtures';
import { addChild, capitalise, createIro, hydrated, join, newDevice, signIn, unique } from './flow-helpers';

/**
 * Right to left: phone numbers, email addresses and codes read left to right inside Arabic
 * and Urdu. These tests read where the browser really draws each part of a number, so they fail if
 * its digit groups are laid out right to left ("4501 123 0300").
 */

const post = { origin: BASE_URL, accept: 'text/html' };

async function setLanguage(page: Page, language: string) {
	const response = await page.request.post('/settings?/language', {
		form: { language, returnTo: '/' },
		headers: post,
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
}

/**
 * The x positions on screen (left edges) of each of `parts`, found inside the text node of `scope`
 * that holds `whole`: measured with a Range, as drawn by the browser.
 */
async function positions(scope: Locator, whole: string, parts: string[]): Promise<number[]> {
	const found = await scope.evaluate(
		(root, { whole, parts }) => {
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
				const at = node.data.indexOf(whole);
				if (at < 0) continue;
				const text = node;
				return parts.map((part) => {
					const start = text.data.indexOf(part, at);
					const range = document.createRange();
					range.setStart(text, start);
					range.setEnd(text, start + part.length);
					return range.getBoundingClientRect().left;
				});
			}
			return null;
		},
		{ whole, parts }
	);
	expect(found, `"${whole}" is on the page`).not.toBeNull();
	return found!;
}

/** Reads left to right on screen: each part is drawn to the right of the one before. */
async function expectLeftToRight(scope: Locator, whole: string, parts: string[]) {
	const xs = await positions(scope, whole, parts);
	for (let i = 1; i < xs.length; i++) {
		expect(xs[i], `"${parts[i]}" is right of "${parts[i - 1]}" in "${whole}"`).toBeGreaterThan(xs[i - 1]);
	}
}

/** A phone number's digit groups, in the order they are written. */
const groups = (phone: string) => phone.split(' ');

test('the help page in Arabic and Urdu: every phone number reads left to right', async ({ page }) => {
	for (const language of ['ar', 'ur']) {
		await setLanguage(page, language);
		await page.goto('/help');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(page.locator('html')).toHaveAttribute('lang', language);
		const main = page.locator('main');
		for (const phone of ['0300 123 4567', '0300 123 9999', '0800 1111']) {
			await expectLeftToRight(main, phone, groups(phone));
			// The link rings the number, and its text is the number alone (nothing invisible to copy).
			const link = main.locator(`a[href="tel:${phone.replace(/\s/g, '')}"]`);
			await expect(link).toHaveText(phone);
			expect(await link.evaluate((a) => a.textContent)).toBe(phone);
		}
	}
});

test('Zainab (Arabic) sees her IRO’s phone number left to right on “Meet your IRO”', async ({ page }) => {
	await signIn(page, 'zainab');
	await page.goto('/me');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const card = page.locator('.iro-card');
	await expect(card.locator('a[href="tel:03001234501"]')).toHaveText('0300 123 4501');
	await expectLeftToRight(card, '0300 123 4501', groups('0300 123 4501'));
});

test('welcome letters in Arabic and Urdu, “Meet your IRO” in Urdu and a carer’s details in Arabic read left to right', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const tag = unique();
	const name = capitalise(tag);
	const iroPhone = '0300 123 4599';
	const carerPhone = '07700 900987';
	const carerEmail = `parent.${tag}@example.org`;

	// A new IRO with a work phone number, a new child, and a carer with a phone and an email address.
	const iro = await createIro(browser);
	await signIn(page, iro.username, iro.password);
	await page.goto('/iro/profile');
	await hydrated(page);
	await page.getByLabel('Work phone number').fill(iroPhone);
	await page.getByRole('button', { name: 'Save profile' }).click();
	await expect(page.getByText('Your profile has been saved.')).toBeVisible();
	const childId = await addChild(page, { fullName: `Yusuf ${name}`, preferredName: name });
	await page.goto(`/iro/children/${childId}/carers/new`);
	await hydrated(page);
	const carerForm = page.locator('form[action="?/add"]');
	await carerForm.getByLabel('Full name').fill(`Mariam ${name}`);
	await carerForm.getByLabel('Who they are to the child').fill('Mum');
	await carerForm.getByLabel('Email address').fill(carerEmail);
	await carerForm.getByLabel('Phone number').fill(carerPhone);
	await carerForm.getByRole('button', { name: 'Add and link' }).click();
	await expect(page).toHaveURL(/carerAdded=1/);

	// The child's welcome letter: one code, issued with the letter in Arabic, then shown in Urdu (showing
	// it again issues nothing). The IRO's phone and the code read left to right in both.
	await page.goto(`/iro/children/${childId}/letter?for=child`);
	await hydrated(page);
	await page.getByLabel('Language of the letter').selectOption({ label: 'العربية' });
	await page.getByRole('button', { name: 'Issue a code and show the letter' }).click();
	const letter = page.locator('article.letter');
	let code = '';
	for (const [language, label] of [
		['ar', 'العربية'],
		['ur', 'اردو']
	]) {
		if (language === 'ur') {
			await page.getByLabel('Language of the letter').selectOption({ label });
			await page.getByRole('button', { name: 'Show the letter in this language' }).click();
		}
		await expect(letter).toHaveAttribute('dir', 'rtl');
		await expect(letter).toHaveAttribute('lang', language);
		const shown = (await letter.locator('.letter-code').innerText()).trim();
		if (code) expect(shown).toBe(code);
		code = shown;
		const codeGroups = code.split('-');
		expect(codeGroups).toHaveLength(4);
		await expectLeftToRight(letter, code, codeGroups);
		await expectLeftToRight(letter, iroPhone, groups(iroPhone));
	}

	// The child joins with the Urdu letter's code and reads their portal in Urdu.
	const child = await newDevice(browser);
	await join(child.page, code, `yusuf.${tag}`, `blue kite ${tag}`);
	await setLanguage(child.page, 'ur');
	await child.page.goto('/me');
	await expect(child.page.locator('html')).toHaveAttribute('lang', 'ur');
	const card = child.page.locator('.iro-card');
	await expect(card.locator(`a[href="tel:${iroPhone.replace(/\s/g, '')}"]`)).toHaveText(iroPhone);
	await expectLeftToRight(card, iroPhone, groups(iroPhone));
	await child.context.close();
	expect(child.csp, 'CSP violations').toEqual([]);

	// The IRO reads the child's record in Arabic: the carer's phone number and email address.
	await setLanguage(page, 'ar');
	await page.goto(`/iro/children/${childId}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const people = page.locator('section[aria-labelledby="people-title"]');
	await expectLeftToRight(people, carerPhone, groups(carerPhone));
	await expect(people.locator(`a[href="tel:${carerPhone.replace(/\s/g, '')}"]`)).toHaveText(carerPhone);
	await expectLeftToRight(people, carerEmail, [`parent.${tag}`, '@', 'example.org']);
});
