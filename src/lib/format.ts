import { daysBetween, londonDate } from '$lib/domain/dates';

/** Dates and times in Europe/London, in the reader's language. */
const ZONE = 'Europe/London';

/**
 * Building an Intl formatter costs far more than using one (about 180 times), and a page formats many
 * dates: each formatter is made once per language and options, then reused.
 */
const made = new Map<string, unknown>();
function cached<T>(kind: string, intl: string, options: object, make: () => T): T {
	const key = `${kind}|${intl}|${JSON.stringify(options)}`;
	let formatter = made.get(key) as T | undefined;
	if (formatter === undefined) {
		formatter = make();
		made.set(key, formatter);
	}
	return formatter;
}
function dateTimeFormat(intl: string, options: Intl.DateTimeFormatOptions) {
	return cached('dt', intl, options, () => new Intl.DateTimeFormat(intl, options));
}

export function formatDateTime(instant: number, intl: string): string {
	return dateTimeFormat(intl, {
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
	return dateTimeFormat(intl, { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }).format(instant);
}

/** A calendar date (YYYY-MM-DD), e.g. "3 March 2026". */
export function formatDate(date: string, intl: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return dateTimeFormat(intl, {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(Date.UTC(y, m - 1, d));
}

/** "in 9 days", "tomorrow", "3 days ago", in the reader's language. */
export function relativeDays(days: number, intl: string): string {
	const options = { numeric: 'auto' } as const;
	return cached('rt', intl, options, () => new Intl.RelativeTimeFormat(intl, options)).format(days, 'day');
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

/** A length of time in whole minutes, e.g. "1 hour, 5 minutes" or "45 minutes", in the reader's language. */
export function formatDuration(ms: number, intl: string): string {
	const total = Math.max(0, Math.round(ms / 60_000));
	const days = Math.floor(total / 1440);
	const hours = Math.floor((total % 1440) / 60);
	const minutes = total % 60;
	const unit = (value: number, u: 'day' | 'hour' | 'minute') => {
		const options = { style: 'unit', unit: u, unitDisplay: 'long' } as const;
		return cached('nf', intl, options, () => new Intl.NumberFormat(intl, options)).format(value);
	};
	const parts = [
		days ? unit(days, 'day') : '',
		hours ? unit(hours, 'hour') : '',
		minutes || total === 0 ? unit(minutes, 'minute') : ''
	].filter(Boolean);
	const options = { style: 'narrow', type: 'unit' } as const;
	return cached('lf', intl, options, () => new Intl.ListFormat(intl, options)).format(parts);
}
