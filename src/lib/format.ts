import { daysBetween, londonDate } from '$lib/domain/dates';
import {
	fieldsOf,
	formatAmount,
	formatRelativeDays,
	formatShape,
	joinList,
	makeDateKit,
	type DateKit
} from '$lib/i18n/date-kit';

/**
 * Dates and times in Europe/London, in the reader's language, from the language's date kit (see
 * i18n/date-kit.ts): the browser formats exactly as the server did, whatever language data it has.
 */
const kits = new Map<string, DateKit>();

/** The root layout hands over the kit the server sent, before any page formats a date. */
export function useDateKit(intl: string, kit: DateKit) {
	kits.set(intl, kit);
}

/** The kit for a language (made once from the runtime's own data when none was handed over). */
export function dateKitFor(intl: string): DateKit {
	let kit = kits.get(intl);
	if (!kit) {
		kit = makeDateKit(intl);
		kits.set(intl, kit);
	}
	return kit;
}

export function formatDateTime(instant: number, intl: string): string {
	return formatShape(dateKitFor(intl), 'dateTime', fieldsOf(instant, 'Europe/London'));
}

export function formatTime(instant: number, intl: string): string {
	return formatShape(dateKitFor(intl), 'time', fieldsOf(instant, 'Europe/London'));
}

/** A calendar date (YYYY-MM-DD), e.g. "3 March 2026". */
export function formatDate(date: string, intl: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return formatShape(dateKitFor(intl), 'date', fieldsOf(Date.UTC(y, m - 1, d), 'UTC'));
}

/** "in 9 days", "tomorrow", "3 days ago", in the reader's language. */
export function relativeDays(days: number, intl: string): string {
	return formatRelativeDays(dateKitFor(intl), days, intl);
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
	const kit = dateKitFor(intl);
	const total = Math.max(0, Math.round(ms / 60_000));
	const days = Math.floor(total / 1440);
	const hours = Math.floor((total % 1440) / 60);
	const minutes = total % 60;
	const parts = [
		days ? formatAmount(kit, days, 'day', intl) : '',
		hours ? formatAmount(kit, hours, 'hour', intl) : '',
		minutes || total === 0 ? formatAmount(kit, minutes, 'minute', intl) : ''
	].filter(Boolean);
	return joinList(kit, parts);
}
