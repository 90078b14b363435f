import { ABSOLUTE_LIFETIME_MS } from './session-policy';
import { ALL_POLICIES } from './throttle';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/**
 * How long records that only serve a moment are kept: the housekeeping job deletes by these
 * (`server/housekeeping.ts`, `server/submissions.ts`), and the privacy notices and the README's
 * retention table state them, so the three cannot drift apart (tests/unit/retention.test.ts).
 * Children's words, messages, letters and the audit trail are not here: they follow the council's
 * retention schedule.
 */
export const RETENTION = {
	/** A session is dead once it is past the longest lifetime any role has. */
	sessionsMs: Math.max(...Object.values(ABSOLUTE_LIFETIME_MS)),
	/** Failed sign-in and code attempts are forgotten by the throttle after this anyway. */
	attemptsMs: Math.max(...ALL_POLICIES.map((policy) => policy.resetAfterMs)),
	/** Invite and reset codes, 90 days after they were used, stopped or ran out (the IRO sees their state till then). */
	invitesMs: 90 * DAY,
	/** Emails, 30 days after they were sent (they never hold a child's words). */
	sentEmailsMs: 30 * DAY,
	/** Double-submit tokens (one submission stores once), a day after the form was sent. */
	submissionsMs: DAY
} as const;

export type RetainedRecord = 'sessions' | 'attempts' | 'invites' | 'sentEmails' | 'submissions';

/** A period as people say it: a whole number of days, else of hours, else of minutes. */
export interface Period {
	count: number;
	unit: 'day' | 'hour' | 'minute';
}

export function periodOf(ms: number): Period {
	if (ms >= DAY && ms % DAY === 0) return { count: ms / DAY, unit: 'day' };
	if (ms >= HOUR && ms % HOUR === 0) return { count: ms / HOUR, unit: 'hour' };
	return { count: Math.ceil(ms / 60_000), unit: 'minute' };
}

/** Each record the housekeeping deletes and after how long, in the order the notices list them. */
export function retentionPeriods(retention: typeof RETENTION = RETENTION): Array<{
	record: RetainedRecord;
	period: Period;
}> {
	return [
		{ record: 'sessions', period: periodOf(retention.sessionsMs) },
		{ record: 'attempts', period: periodOf(retention.attemptsMs) },
		{ record: 'invites', period: periodOf(retention.invitesMs) },
		{ record: 'sentEmails', period: periodOf(retention.sentEmailsMs) },
		{ record: 'submissions', period: periodOf(retention.submissionsMs) }
	];
}

/**
 * How long a closed child's record is kept. Voicebox is not the council's statutory case record: the
 * views that matter are copied into the review record, which the council keeps on its own schedule.
 * Six years after closing is the Limitation Act 1980 period for most civil claims, long enough to
 * answer a complaint or a claim about how the child was heard, and no longer.
 */
export const DEFAULT_CLOSED_RECORD_RETENTION_DAYS = 6 * 365;

/** The retention period in days from a setting: a whole number from 1 to 36500, else the default. */
export function retentionDays(value: string | undefined): number {
	const n = Number(value);
	return value && /^\d+$/.test(value.trim()) && n >= 1 && n <= 36_500
		? n
		: DEFAULT_CLOSED_RECORD_RETENTION_DAYS;
}

/** The instant a record closed at `closedAt` is deleted. */
export function deletedAfter(closedAt: number, days: number): number {
	return closedAt + days * DAY;
}

/** Has this closed record outlived its retention period? */
export function isPastRetention(closedAt: number, now: number, days: number): boolean {
	return now > deletedAfter(closedAt, days);
}
