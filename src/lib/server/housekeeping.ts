import { and, isNotNull, lt, or } from 'drizzle-orm';
import { tables, write } from './db';
import { RETENTION } from '$lib/domain/retention';
import { purgeClosedRecords } from './ending';
import { config } from './config';

const { sessions, attempts, invites, outbox } = tables;
// How long each is kept is a rule the privacy notices state too: see domain/retention.ts.
export { RETENTION };

/** Deletes what has outlived its use; returns how many rows of each went. */
export function purgeExpired(now = Date.now()) {
	return write((tx) => ({
		sessions: tx
			.delete(sessions)
			.where(lt(sessions.createdAt, now - RETENTION.sessionsMs))
			.run().changes,
		attempts: tx
			.delete(attempts)
			.where(lt(attempts.lastFailureAt, now - RETENTION.attemptsMs))
			.run().changes,
		invites: tx
			.delete(invites)
			.where(
				or(
					lt(invites.usedAt, now - RETENTION.invitesMs),
					lt(invites.revokedAt, now - RETENTION.invitesMs),
					lt(invites.expiresAt, now - RETENTION.invitesMs)
				)
			)
			.run().changes,
		sentEmails: tx
			.delete(outbox)
			.where(and(isNotNull(outbox.sentAt), lt(outbox.sentAt, now - RETENTION.sentEmailsMs)))
			.run().changes
	}));
}

/** Runs the purge at start and then every hour, until the returned function stops it (see background.ts). */
export function startHousekeeping(intervalMs = 60 * 60_000): () => void {
	const run = async () => {
		try {
			purgeExpired();
			// Closed children's records past their retention period (README: what is kept).
			await purgeClosedRecords(config().closedRecordRetentionDays);
		} catch (error) {
			console.error('housekeeping failed', error);
		}
	};
	void run();
	const timer = setInterval(run, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
