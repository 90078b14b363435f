import { and, isNotNull, lt, or } from 'drizzle-orm';
import { tables, write } from './db';
import { ABSOLUTE_LIFETIME_MS } from '$lib/domain/session-policy';
import { INVITE_ADDRESS, SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS } from '$lib/domain/throttle';
import { purgeClosedRecords } from './ending';
import { config } from './config';

const { sessions, attempts, invites, outbox } = tables;
const DAY = 24 * 60 * 60_000;

/**
 * How long records that only serve a moment are kept (the README's retention table says the same).
 * Children's words, messages, letters and the audit trail are not here: they follow the council's
 * retention schedule.
 */
export const RETENTION = {
	/** A session is dead once it is past the longest lifetime any role has. */
	sessionsMs: Math.max(...Object.values(ABSOLUTE_LIFETIME_MS)),
	/** Failed sign-in and code attempts are forgotten by the throttle after this anyway. */
	attemptsMs: Math.max(
		SIGN_IN_ACCOUNT.resetAfterMs,
		SIGN_IN_ADDRESS.resetAfterMs,
		INVITE_ADDRESS.resetAfterMs
	),
	/** Invite and reset codes, 90 days after they were used, stopped or ran out (the IRO sees their state till then). */
	invitesMs: 90 * DAY,
	/** Emails, 30 days after they were sent (they never hold a child's words). */
	sentEmailsMs: 30 * DAY
} as const;

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

/** Runs the purge at start and then every hour. */
export function startHousekeeping(intervalMs = 60 * 60_000): void {
	const run = () => {
		try {
			purgeExpired();
			// Closed children's records past their retention period (README: what is kept).
			purgeClosedRecords(config().closedRecordRetentionDays);
		} catch (error) {
			console.error('housekeeping failed', error);
		}
	};
	run();
	setInterval(run, intervalMs).unref();
}
