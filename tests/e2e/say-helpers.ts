import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Helpers for the tests of My say's picture version (the cards, the check page, the pack). */

/** `count` pictures in `scope`, each loaded and drawn at a visible size, each with alt="". */
export async function expectPictures(scope: Locator, count: number) {
	const pictures = scope.locator('img');
	await expect(pictures).toHaveCount(count);
	for (const picture of await pictures.all()) {
		await expect(picture).toHaveAttribute('alt', '');
		await expect(picture).toHaveAttribute('src', /^\/pictures\/emoji_u[0-9a-f_]+\.svg$/);
		await expect
			.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
			.toBe(true);
		const box = await picture.boundingBox();
		expect(box!.width).toBeGreaterThanOrEqual(20);
		expect(box!.height).toBeGreaterThanOrEqual(20);
	}
}

export function answerRow(page: Page, question: string): Locator {
	return page.locator('dl > div').filter({ has: page.locator('dt').getByText(question, { exact: true }) });
}

export async function pick(page: Page, group: string, option: string) {
	await page
		.getByRole('group', { name: group, exact: true })
		.getByRole('radio', { name: option, exact: true })
		.check();
}

export async function continueTo(page: Page, path: string) {
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(page).toHaveURL(path);
}
