/**
 * How long a closed child's record is kept. Voicebox is not the council's statutory case record: the
 * views that matter are copied into the review record, which the council keeps on its own schedule.
 * Six years after closing is the Limitation Act 1980 period for most civil claims, long enough to
 * answer a complaint or a claim about how the child was heard, and no longer.
 */
export const DEFAULT_CLOSED_RECORD_RETENTION_DAYS = 6 * 365;

const DAY = 24 * 60 * 60_000;

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
