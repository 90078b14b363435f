import { describe, expect, it } from 'vitest';

/**
 * An email that keeps failing leaves the retry loop after its last attempt: the sender's query no
 * longer reads it (its partial index leaves it out), and the manager sees it on /manage/emails.
 */
process.env.SMTP_URL = 'smtp://127.0.0.1:1'; // nobody listens: every attempt fails at once
const { queueEmail, deliverDue, dueEmails, failedEmails, failedEmailCount } =
	await import('../../src/lib/server/notify');
const { db, tables } = await import('../../src/lib/server/db');

const row = (id: string) =>
	db()
		.select()
		.from(tables.outbox)
		.all()
		.find((e) => e.id === id)!;

function plan(now: number): string {
	const query = dueEmails(now).toSQL();
	const rows = db()
		.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
		.all(...query.params) as { detail: string }[];
	return rows.map((r) => r.detail).join('\n');
}

describe('emails that keep failing', { timeout: 60_000 }, () => {
	it('are given up after the last attempt, never read by the sender again, and listed for the manager', async () => {
		const id = queueEmail('iro@council.example', 'You have a new message in Voicebox', 'Sign in to read it.');
		let attempts = 0;
		while (row(id).failedAt === null && attempts < 20) {
			await deliverDue(row(id).nextAttemptAt);
			attempts++;
		}
		const email = row(id);
		expect(email.attempts).toBe(12);
		expect(email.failedAt).not.toBeNull();
		expect(email.sentAt).toBeNull();
		expect(email.lastError).toMatch(/ECONNREFUSED|connect/);

		// Long after, the sender's query does not find it, and another pass changes nothing.
		const later = email.nextAttemptAt + 365 * 24 * 60 * 60_000;
		expect(
			dueEmails(later)
				.all()
				.map((e) => e.id)
		).not.toContain(id);
		await deliverDue(later);
		expect(row(id)).toEqual(email);

		expect(failedEmailCount()).toBe(1);
		expect(failedEmails(50)).toEqual([
			{
				id,
				to: 'iro@council.example',
				subject: 'You have a new message in Voicebox',
				createdAt: email.createdAt,
				failedAt: email.failedAt,
				attempts: 12,
				lastError: email.lastError
			}
		]);
		// Never the body.
		expect(JSON.stringify(failedEmails(50))).not.toContain('Sign in to read it');
	});

	it('the sender reads only what may still go, through the partial index', () => {
		const detail = plan(Date.now());
		expect(detail).toContain('USING INDEX outbox_waiting_idx');
		expect(detail).not.toMatch(/SCAN outbox(?! USING)/);
		expect(detail).not.toContain('TEMP B-TREE');
	});

	it('pages the manager’s list newest first', () => {
		const { outbox } = tables;
		db()
			.insert(outbox)
			.values(
				Array.from({ length: 60 }, (_, i) => ({
					id: `failed${String(i).padStart(3, '0')}`,
					to: `person${i}@council.example`,
					subject: 'A review meeting has been changed',
					text: 'body',
					createdAt: 1_000 + i,
					nextAttemptAt: 2_000 + i,
					attempts: 12,
					lastError: 'Error: 550 mailbox unavailable',
					failedAt: 3_000 + i
				}))
			)
			.run();
		expect(failedEmailCount()).toBe(61);
		const first = failedEmails(50);
		expect(first).toHaveLength(50);
		expect(first[1].id).toBe('failed059');
		expect(failedEmails(100)).toHaveLength(61);
	});
});
