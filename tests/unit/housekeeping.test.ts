import { describe, expect, it } from 'vitest';
import { DAY, newChild, newIro } from './support/people';
import { db, tables } from '../../src/lib/server/db';
import { purgeExpired, RETENTION } from '../../src/lib/server/housekeeping';

/** What only serves a moment goes on a schedule; what is still in use, or young, stays. */
const now = Date.UTC(2026, 11, 3, 12);
const { sessions, attempts, invites, outbox } = tables;

describe('housekeeping', () => {
	it('deletes dead sessions, old failed attempts, long-finished codes and old sent emails, and nothing else', async () => {
		const iroId = await newIro('keeper');
		const childId = newChild(iroId);
		const d = db();
		const session = (id: string, createdAt: number) =>
			d
				.insert(sessions)
				.values({ id, secretHash: Buffer.from(id), userId: iroId, createdAt, lastSeenAt: createdAt })
				.run();
		session('dead', now - RETENTION.sessionsMs - 1);
		session('alive', now - DAY);
		d.insert(attempts)
			.values([
				{ key: 'ip:old', failures: 9, lastFailureAt: now - RETENTION.attemptsMs - 1 },
				{ key: 'ip:new', failures: 9, lastFailureAt: now - 60_000 }
			])
			.run();
		const invite = (id: string, fields: Partial<typeof invites.$inferInsert>) =>
			d
				.insert(invites)
				.values({
					id,
					codeHash: id,
					childId,
					createdBy: iroId,
					createdAt: now - 400 * DAY,
					expiresAt: now + DAY,
					...fields
				})
				.run();
		invite('used-long-ago', { usedAt: now - RETENTION.invitesMs - 1 });
		invite('stopped-long-ago', { revokedAt: now - RETENTION.invitesMs - 1 });
		invite('ran-out-long-ago', { expiresAt: now - RETENTION.invitesMs - 1 });
		invite('used-lately', { usedAt: now - DAY });
		invite('waiting', {});
		const email = (id: string, sentAt: number | null) =>
			d
				.insert(outbox)
				.values({
					id,
					to: 'a@b.example',
					subject: 's',
					text: 't',
					createdAt: now - 100 * DAY,
					sentAt,
					nextAttemptAt: 0
				})
				.run();
		email('sent-long-ago', now - RETENTION.sentEmailsMs - 1);
		email('sent-lately', now - DAY);
		email('never-sent', null);

		expect(purgeExpired(now)).toEqual({ sessions: 1, attempts: 1, invites: 3, sentEmails: 1 });
		expect(
			d
				.select({ id: sessions.id })
				.from(sessions)
				.all()
				.map((r) => r.id)
		).toEqual(['alive']);
		expect(
			d
				.select({ key: attempts.key })
				.from(attempts)
				.all()
				.map((r) => r.key)
		).toEqual(['ip:new']);
		expect(
			d
				.select({ id: invites.id })
				.from(invites)
				.all()
				.map((r) => r.id)
				.sort()
		).toEqual(['used-lately', 'waiting']);
		expect(
			d
				.select({ id: outbox.id })
				.from(outbox)
				.all()
				.map((r) => r.id)
				.sort()
		).toEqual(['never-sent', 'sent-lately']);
		// A second run finds nothing more.
		expect(purgeExpired(now)).toEqual({ sessions: 0, attempts: 0, invites: 0, sentEmails: 0 });
	});
});
