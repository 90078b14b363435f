/**
 * Calendar-date helpers. A calendar date is a plain `YYYY-MM-DD` string with no time or zone.
 * All arithmetic is done in UTC via `Date.UTC`, never in the server's local time zone, so results
 * do not depend on where the code runs or on daylight saving changes.
 */

export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

interface DateParts {
	year: number;
	month: number; // 1–12
	day: number; // 1–31
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function tryParse(s: string): DateParts | null {
	const match = ISO_DATE_PATTERN.exec(s);
	if (!match) return null;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const day = Number(match[3]);
	if (month < 1 || month > 12) return null;
	if (day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

/** Parses an ISO date, throwing a RangeError if it is not a real calendar date. */
export function parseIsoDate(d: IsoDate): DateParts {
	const parts = typeof d === 'string' ? tryParse(d) : null;
	if (!parts) throw new RangeError(`Not a valid YYYY-MM-DD calendar date: ${String(d)}`);
	return parts;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

function format(year: number, month: number, day: number): IsoDate {
	if (year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function toUtcMs(d: IsoDate): number {
	const { year, month, day } = parseIsoDate(d);
	// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear avoids that quirk.
	const date = new Date(Date.UTC(2000, month - 1, day));
	date.setUTCFullYear(year);
	return date.getTime();
}

function fromUtcMs(ms: number): IsoDate {
	const date = new Date(ms);
	return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function assertInteger(n: number, name: string): void {
	if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}

/** True if `s` is exactly `YYYY-MM-DD` and a real calendar date (rejects 2023-02-29). */
export function isIsoDate(s: string): boolean {
	return typeof s === 'string' && tryParse(s) !== null;
}

/** `d` plus `n` calendar days (`n` may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
	assertInteger(n, 'Number of days');
	return fromUtcMs(toUtcMs(d) + n * MS_PER_DAY);
}

/**
 * `d` plus `n` calendar months (`n` may be negative). If the target month is shorter, the result
 * is clamped to its last day: 2024-08-31 + 6 months → 2025-02-28.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
	assertInteger(n, 'Number of months');
	const { year, month, day } = parseIsoDate(d);
	const monthIndex = year * 12 + (month - 1) + n;
	const newYear = Math.floor(monthIndex / 12);
	const newMonth = monthIndex - newYear * 12 + 1;
	return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Negative if a is before b, 0 if the same day, positive if a is after b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
	return Math.sign(toUtcMs(a) - toUtcMs(b));
}

/** Whole days from `from` to `to` (to − from); negative if `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
	return new Date(toUtcMs(d)).getUTCDay();
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});
const HOUR_MS = 3_600_000;
const offsets = new Map<number, number>();

/**
 * London's offset from UTC at an instant, in ms (0 in winter, an hour in summer). The clocks change
 * only on the hour (01:00 UTC), so Intl is asked once for each hour of time and the answer kept: a
 * page of fifty dates reads fifty clocks without fifty trips through Intl (issue 14).
 */
export function londonOffset(instantMs: number): number {
	const hour = Math.floor(instantMs / HOUR_MS);
	let offset = offsets.get(hour);
	if (offset === undefined) {
		const start = hour * HOUR_MS;
		const p = Object.fromEntries(londonParts.formatToParts(start).map((x) => [x.type, x.value]));
		offset = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - start;
		if (offsets.size >= 20_000) offsets.clear();
		offsets.set(hour, offset);
	}
	return offset;
}

/** The wall clock in London at an instant (weekday: 0 = Sunday). */
export function londonFields(instantMs: number) {
	if (!Number.isFinite(instantMs)) throw new RangeError(`Not a valid instant: ${instantMs}`);
	const wall = new Date(instantMs + londonOffset(instantMs));
	return {
		weekday: wall.getUTCDay(),
		year: wall.getUTCFullYear(),
		month: wall.getUTCMonth() + 1,
		day: wall.getUTCDate(),
		hour: wall.getUTCHours(),
		minute: wall.getUTCMinutes()
	};
}

/** The calendar date in Europe/London (GMT or BST) at the given UTC instant. */
export function londonDate(instantMs: number): IsoDate {
	const { year, month, day } = londonFields(instantMs);
	return format(year, month, day);
}
