import { test, expect } from './fixtures';
import {
	addChild,
	capitalise,
	createIro,
	hydrated,
	newDevice,
	signIn,
	unique,
	wholeCaseload
} from './flow-helpers';

/** Flow 3: the service manager adds IROs, moves children between caseloads and sees every caseload. */

test('the manager creates an IRO account, and that IRO can sign in to an empty caseload', async ({
	page
}) => {
	const tag = unique();
	const name = `Morgan ${capitalise(tag)}`;
	await signIn(page, 'manager');
	await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Add an IRO' }).click();
	await expect(page.getByRole('heading', { name: 'Add an IRO', level: 1 })).toBeVisible();
	await hydrated(page);

	// A half-filled form keeps what was typed and says what is missing.
	await page.getByLabel('Full name').fill(name);
	await page.getByLabel('Username').fill('no');
	await page.getByRole('button', { name: 'Create IRO account' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'Use 3 to 40 letters or numbers (you can also use . _ or -)',
		'Enter an email address',
		'Choose a password'
	]);
	await expect(page.getByLabel('Full name')).toHaveValue(name);
	await expect(page).toHaveTitle(/^Error: Add an IRO/);

	// A username that is taken is refused.
	await page.getByLabel('Username').fill('amina');
	await page.getByLabel('Work email address').fill(`morgan.${tag}@northfield.example`);
	await page.getByLabel('First password').fill(`welcome aboard ${tag}`);
	await page.getByRole('button', { name: 'Create IRO account' }).click();
	await expect(page.locator('.error-summary').getByRole('link')).toHaveText([
		'That username is already taken. Try another one.'
	]);

	await page.getByLabel('Username').fill(`morgan.${tag}`);
	await page.getByLabel('First password').fill(`welcome aboard ${tag}`);
	await page.getByRole('button', { name: 'Create IRO account' }).click();
	await expect(page).toHaveURL('/manage?iroAdded=1');
	const row = page.getByRole('table', { name: 'IROs' }).getByRole('row', { name: new RegExp(name) });
	await expect(row).toContainText(`morgan.${tag}`);
	await expect(row.getByRole('cell').last()).toHaveText('0');

	const iro = await newDevice(page.context().browser()!);
	await signIn(iro.page, `morgan.${tag}`, `welcome aboard ${tag}`);
	await expect(iro.page).toHaveURL('/iro');
	await expect(iro.page.getByRole('table', { name: `Caseload of ${name}` })).toContainText(
		'No children yet.'
	);
	await iro.context.close();
});

test('the manager moves a child to a new IRO: it leaves amina’s caseload and appears on theirs', async ({
	page,
	browser
}) => {
	const iro = await createIro(browser);
	const child = `Quinn ${capitalise(unique())}`;

	const amina = await newDevice(browser);
	await signIn(amina.page, 'amina');
	const childId = await addChild(amina.page, { fullName: child });
	await wholeCaseload(amina.page);
	await expect(amina.page.getByRole('link', { name: child })).toBeVisible();

	await signIn(page, 'manager');
	await page
		.getByRole('navigation', { name: 'Main menu' })
		.getByRole('link', { name: 'Allocate children' })
		.click();
	await hydrated(page);
	const select = page.getByLabel(`IRO for ${child}`);
	await expect(select.locator('option:checked')).toHaveText('Amina Rahman');
	await select.selectOption({ label: iro.displayName });
	await page.getByRole('button', { name: `Save for ${child}` }).click();
	await expect(page.getByRole('status')).toHaveText(`${child} has been allocated.`);
	await page.reload();
	await expect(page.getByLabel(`IRO for ${child}`).locator('option:checked')).toHaveText(iro.displayName);

	// The new IRO has the child, with the full record.
	const theirs = await newDevice(browser);
	await signIn(theirs.page, iro.username, iro.password);
	const table = theirs.page.getByRole('table', { name: `Caseload of ${iro.displayName}` });
	await table.getByRole('link', { name: child }).click();
	await expect(theirs.page).toHaveURL(`/iro/children/${childId}`);
	await expect(theirs.page.getByRole('region', { name: 'Details' })).toContainText(iro.displayName);

	// Amina no longer does, and cannot open the record.
	await wholeCaseload(amina.page);
	await expect(amina.page.getByRole('table', { name: 'Caseload of Amina Rahman' })).toBeVisible();
	await expect(amina.page.getByRole('link', { name: child })).toHaveCount(0);
	const response = await amina.page.goto(`/iro/children/${childId}`);
	expect(response?.status()).toBe(404);

	// The service overview shows who has the child.
	await page.goto('/manage');
	const everyChild = page.getByRole('table', { name: 'Every child' });
	await expect(everyChild.getByRole('row', { name: new RegExp(child) })).toContainText(iro.displayName);
	await expect(
		page
			.getByRole('table', { name: 'IROs' })
			.getByRole('row', { name: new RegExp(iro.displayName) })
			.getByRole('cell')
			.last()
	).toHaveText('1');
	await amina.context.close();
	await theirs.context.close();
});

test('the manager can open every IRO’s caseload', async ({ page }) => {
	await signIn(page, 'manager');
	await page.getByRole('link', { name: 'Amina Rahman', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Caseload of Amina Rahman', level: 1 })).toBeVisible();
	let table = page.getByRole('table', { name: 'Caseload of Amina Rahman' });
	await expect(table.getByRole('link', { name: 'Samuel Carter' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Zainab Ahmed' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Kacper Nowak' })).toHaveCount(0);

	await page.getByRole('link', { name: 'Back' }).click();
	await page.getByRole('link', { name: 'Ben Kowalski', exact: true }).click();
	table = page.getByRole('table', { name: 'Caseload of Ben Kowalski' });
	await expect(table.getByRole('link', { name: 'Kacper Nowak' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Jordan Smith' })).toBeVisible();
	await expect(table.getByRole('link', { name: 'Samuel Carter' })).toHaveCount(0);

	// The manager may open a child's record from there.
	await table.getByRole('link', { name: 'Jordan Smith' }).click();
	await expect(page.getByRole('heading', { name: 'Jordan Smith', level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Details' })).toContainText('Ben Kowalski');

	// IROs cannot see the service overview.
	const ben = await newDevice(page.context().browser()!);
	await signIn(ben.page, 'ben');
	expect((await ben.page.goto('/manage'))?.status()).toBe(404);
	expect((await ben.page.goto('/manage/allocations'))?.status()).toBe(404);
	await ben.context.close();
});
