import { daysBetween, londonDate } from '$lib/domain/dates';

/** Dates and times in Europe/London, in the reader's language. */
const ZONE = 'Europe/London';

export function formatDateTime(instant: number, intl: string): string {
	return new Intl.DateTimeFormat(intl, {
		timeZone: ZONE,
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit'
	}).format(instant);
}

export function formatTime(instant: number, intl: string): string {
	return new Intl.DateTimeFormat(intl, { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }).format(
		instant
	);
}

/** A calendar date (YYYY-MM-DD), e.g. "3 March 2026". */
export function formatDate(date: string, intl: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(intl, {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(Date.UTC(y, m - 1, d));
}

/** "in 9 days", "tomorrow", "3 days ago", in the reader's language. */
export function relativeDays(days: number, intl: string): string {
	return new Intl.RelativeTimeFormat(intl, { numeric: 'auto' }).format(days, 'day');
}

/** "yesterday at 16:00", "today at 09:30", or the full date for older times. */
export function formatWhen(
	instant: number,
	intl: string,
	at: (day: string, time: string) => string,
	now = Date.now()
): string {
	const days = daysBetween(londonDate(instant), londonDate(now));
	if (days < 0 || days > 6) return formatDateTime(instant, intl);
	return at(relativeDays(-days, intl), formatTime(instant, intl));
}
