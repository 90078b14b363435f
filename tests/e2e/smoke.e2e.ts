import { test, expect, signIn, expectNoAxeViolations } from './fixtures';

test('IRO signs in and sees their caseload with timescales', async ({ page }) => {
	await signIn(page, 'amina');
	await expect(page).toHaveURL('/iro');
	await expect(page.getByRole('heading', { name: 'My caseload' })).toBeVisible();
	await expectNoAxeViolations(page);
	// Her whole caseload, as "Show more" reaches it (other tests add children to it, past a page).
	await page.goto('/iro?shown=1000');
	const table = page.getByRole('table', { name: 'Caseload of Amina Rahman' });
	await expect(table.getByRole('link', { name: 'Samuel Carter' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Kacper Nowak' })).toHaveCount(0);
});
