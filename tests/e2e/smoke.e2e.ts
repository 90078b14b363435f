import { test, expect, signIn, expectNoAxeViolations } from './fixtures';
import { wholeCaseload } from './flow-helpers';

test('IRO signs in and sees their caseload with timescales', async ({ page }) => {
	await signIn(page, 'amina');
	await expect(page).toHaveURL('/iro');
	await expect(page.getByRole('heading', { name: 'My caseload' })).toBeVisible();
	await expectNoAxeViolations(page);
	await wholeCaseload(page);
	const table = page.getByRole('table', { name: 'Caseload of Amina Rahman' });
	await expect(table.getByRole('link', { name: 'Samuel Carter' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Kacper Nowak' })).toHaveCount(0);
});
