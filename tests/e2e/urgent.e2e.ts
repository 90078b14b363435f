import { spawn } from 'node:child_process';
import { test, expect, signIn, expectNoAxeViolations, BASE_URL } from './fixtures';
import { conversationId, device, emailsSince, expectPrivate, hydrated, uniqueText } from './messages-helpers';
import { setDisplay } from './flow-helpers';
import { isWorkingTime } from '../../src/lib/domain/working-hours';

/**
 * "I don't feel safe" reaches a person: the child reads exactly who was emailed and when a person will
 * see it, with 999, Childline and the emergency duty team again; the IRO acknowledges with a note
 * (required); the note is in the child's history; the manager sees every urgent message with its
 * time to acknowledgement. The server runs on the real clock, so the words checked for working
 * hours or out of hours follow the clock (the unit tests fix the clock for both).
 * Locks: 'jordan' (reads and writes Jordan's conversation), 'ben-display' and 'manager-display'
 * (restyled for the large-print scans, and set back).
 */

test.describe.configure({ timeout: 180_000 });

test(
	'urgent: the child is told who and when, the IRO acknowledges with a note, the manager sees the time it took',
	{ lock: ['jordan', 'ben-display', 'manager-display'] },
	async ({ page, browser }) => {
		const words = uniqueText('Someone at home frightens me');
		const note = uniqueText('Phoned Jordan’s carer and the social worker; home visit at 4pm.');

		// Jordan sends an urgent message.
		await signIn(page, 'jordan');
		await page.goto('/me/safe');
		await hydrated(page);
		await expect(
			page.getByText(
				'Your message is marked urgent. When you have sent it, we will tell you who we have told.'
			)
		).toBeVisible();
		await page.getByLabel('What is happening? You can write just a few words.').fill(words);
		const since = Date.now();
		const before = isWorkingTime(Date.now());
		await page.getByRole('button', { name: 'Send urgent message' }).click();
		const receipt = page
			.getByRole('status')
			.filter({ has: page.getByRole('heading', { name: 'Your urgent message has been sent' }) });
		await expect(receipt).toBeVisible();
		const inHours = isWorkingTime(Date.now());
		await expect(receipt.getByText('We have emailed:')).toBeVisible();
		await expect(receipt.getByRole('listitem').filter({ hasText: 'your IRO, Ben Kowalski' })).toBeVisible();
		await expect(receipt.getByRole('listitem').filter({ hasText: 'the duty manager' })).toBeVisible();
		if (before === inHours) {
			if (inHours) {
				await expect(
					receipt.getByText('It is a working day, so a person should read your message within about an hour.')
				).toBeVisible();
				await expect(receipt.getByText('Monday to Friday')).toHaveCount(0);
				await expect(receipt.getByText('the managers of the IROs')).toHaveCount(0);
			} else {
				await expect(
					receipt.getByText('Your IRO works Monday to Friday, 9 to 5, so they may not read it until then.')
				).toBeVisible();
				await expect(receipt.getByText('within about an hour')).toHaveCount(0);
				await expect(receipt.getByText('the managers of the IROs')).toBeVisible();
			}
		}
		// Always: 999, Childline and the emergency duty team, as links to call.
		await expect(receipt.getByText('You can get help now, at any time:')).toBeVisible();
		await expect(receipt.getByRole('link', { name: '999', exact: true })).toHaveAttribute('href', 'tel:999');
		await expect(receipt.getByRole('link', { name: '0800 1111' })).toHaveAttribute('href', 'tel:08001111');
		await expect(receipt.getByRole('link', { name: '0300 123 9999' }).first()).toHaveAttribute(
			'href',
			'tel:03001239999'
		);

		// The emails really went (a real SMTP server), to the IRO and the duty manager, privately.
		const emails = await emailsSince(
			since,
			(e) =>
				e.subject === 'Urgent: a new message in Voicebox' &&
				e.to.some((t) => /ben\.kowalski|duty\.manager/.test(t)),
			2
		);
		expect(emails.flatMap((e) => e.to)).toEqual(
			expect.arrayContaining(['ben.kowalski@northfield.example', 'duty.manager@northfield.example'])
		);
		for (const email of emails) expectPrivate(email, ['Jordan', 'Smith', words]);

		// Ben opens the conversation: the urgent message waits for acknowledgement; "Mark as done" waits too.
		const ben = await device(browser, 'ben');
		const id = await conversationId(ben.page, 'Jordan Smith');
		const path = `/iro/conversations/${id}`;
		await ben.page.goto(path);
		await hydrated(ben.page);
		const section = ben.page.getByRole('region', { name: 'Urgent messages' });
		await expect(section.getByText('Not acknowledged yet.').first()).toBeVisible();
		await expect(ben.page.getByRole('button', { name: 'Mark as done' })).toHaveCount(0);
		await expect(
			ben.page.getByText(
				'Acknowledge the urgent message, saying what you have done, before you mark this conversation as done.'
			)
		).toBeVisible();

		// An empty note is refused, at the field and in the summary; nothing is recorded.
		const box = ben.page.getByLabel('What have you done about it?');
		const acknowledge = ben.page.getByRole('button', { name: 'Acknowledge urgent message' });
		await box.fill('   ');
		await acknowledge.click();
		const summary = ben.page
			.getByRole('alert')
			.filter({ has: ben.page.getByRole('heading', { name: 'There is a problem' }) });
		await expect(
			summary.getByRole('link', { name: 'Write what you have done, in a few words' })
		).toBeVisible();
		await expect(box).toHaveAttribute('aria-invalid', 'true');
		await expect(box).toHaveAccessibleDescription(/Error: Write what you have done, in a few words/);
		await expectNoAxeViolations(ben.page, `${path} with an open urgent message and an error (normal)`);

		// Too long: refused, and what was typed is kept.
		const tooLong = `${note} ${'x'.repeat(1000)}`;
		await box.fill(tooLong);
		await acknowledge.click();
		await expect(summary.getByRole('link', { name: 'Use 1000 characters or fewer' })).toBeVisible();
		await expect(box).toHaveValue(tooLong);

		// With a note: acknowledged, and the note and times are shown with the message.
		await box.fill(note);
		await acknowledge.click();
		await expect(ben.page.getByText('Acknowledged. Your note is kept with the message.')).toBeVisible();
		// (Every open urgent message of the conversation is acknowledged at once, with the same note.)
		const item = section.getByRole('listitem').filter({ hasText: note }).first();
		await expect(
			item.getByText(/^Acknowledged by Ben Kowalski, .+: .*minute.* after it was sent\.$/)
		).toBeVisible();
		await expect(item.getByText('What was done:')).toBeVisible();
		await expect(section.getByText('Not acknowledged yet.')).toHaveCount(0);
		await expect(ben.page.getByRole('button', { name: 'Mark as done' })).toBeVisible();

		// The child's history on the IRO's child page has it too.
		await ben.page.getByRole('link', { name: 'See Jordan Smith’s record' }).click();
		const history = ben.page.getByRole('region', { name: 'Urgent messages (“I don’t feel safe”)' });
		await expect(history.getByRole('listitem').filter({ hasText: note }).first()).toBeVisible();

		// The manager's list: newest first, with who acknowledged, how long it took, and the note.
		const manager = await device(browser, 'manager');
		await manager.page.goto('/manage');
		await manager.page.getByRole('link', { name: 'All urgent messages' }).click();
		await expect(manager.page).toHaveURL(/\/manage\/urgent$/);
		await expect(manager.page.getByRole('heading', { level: 1, name: 'All urgent messages' })).toBeVisible();
		const row = manager.page.getByRole('row').filter({ hasText: note }).first();
		await expect(row.getByRole('rowheader')).toHaveText('Jordan Smith');
		await expect(row.getByRole('link', { name: 'Jordan Smith' })).toHaveAttribute('href', path);
		await expect(row.getByRole('cell').nth(1)).toContainText('by Ben Kowalski');
		await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d+ minutes?$/);
		if (before === inHours) await expect(row.getByRole('cell').nth(3)).toHaveText(inHours ? 'No' : /\d{4}/);
		const first = manager.page.getByRole('row').nth(1);
		await expect(first).toContainText(note);

		// Out of hours it was escalated at once: every manager heard, privately.
		if (!inHours && !before) {
			const escalation = await emailsSince(
				since,
				(e) =>
					e.subject === 'Urgent: a child’s message has not been acknowledged' &&
					e.text.includes(`${BASE_URL}${path}`),
				2
			);
			expect(escalation.flatMap((e) => e.to)).toEqual(
				expect.arrayContaining(['grace.okafor@northfield.example', 'duty.manager@northfield.example'])
			);
			for (const email of escalation) expectPrivate(email, ['Jordan', 'Smith', words]);
		}

		// Large print: the manager's list, and the conversation with its urgent section.
		await expectNoAxeViolations(manager.page, '/manage/urgent (normal)');
		try {
			await setDisplay(manager.page, 'xlarge');
			await setDisplay(ben.page, 'xlarge');
			await manager.page.goto('/manage/urgent');
			await expect(manager.page.locator('html')).toHaveAttribute('data-text', 'xlarge');
			await expectNoAxeViolations(manager.page, '/manage/urgent (xlarge)');
			await ben.page.goto(path);
			await expect(ben.page.locator('html')).toHaveAttribute('data-text', 'xlarge');
			await expectNoAxeViolations(ben.page, `${path} with an acknowledged urgent message (xlarge)`);
		} finally {
			await setDisplay(manager.page, 'normal');
			await setDisplay(ben.page, 'normal');
		}

		// The child's page after sending, in large print too.
		await expectNoAxeViolations(page, '/me/safe after sending (normal)');
		await ben.context.close();
		await manager.context.close();
	}
);

test('the built server will not start without a duty manager address', async () => {
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(Number(process.env.E2E_PORT || 4173) + 50) };
	delete env.DUTY_MANAGER_EMAIL;
	env.DATABASE_PATH = `data/e2e-no-duty-${env.PORT}.db`;
	const server = spawn(process.execPath, ['scripts/start.js'], { env });
	let stderr = '';
	server.stderr.on('data', (chunk) => (stderr += String(chunk)));
	const code = await new Promise<number | null>((resolve) => {
		const timer = setTimeout(() => {
			server.kill();
			resolve(-1);
		}, 30_000);
		server.on('exit', (c) => {
			clearTimeout(timer);
			resolve(c);
		});
	});
	expect(code).toBe(1);
	expect(stderr).toContain('Voicebox cannot start: DUTY_MANAGER_EMAIL is not set');
});
