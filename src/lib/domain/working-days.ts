import { BANK_HOLIDAYS_FIRST_YEAR, BANK_HOLIDAYS_LAST_YEAR, isBankHoliday } from './bank-holidays';
import { addDays, dayOfWeek, parseIsoDate, type IsoDate } from './dates';

/**
 * True if `d` is a working day in England: not a Saturday or Sunday and not a bank holiday.
 * Bank holidays are only known for 2018–2030; outside those years only weekends are excluded.
 */
export function isWorkingDay(d: IsoDate): boolean {
	const day = dayOfWeek(d);
	return day !== 0 && day !== 6 && !isBankHoliday(d);
}

/**
 * The n-th working day after `d` (`d` itself is not counted; n = 0 returns `d` unchanged).
 * Example: from Friday 2024-03-22, 5 working days is Tuesday 2024-04-02, because Good Friday
 * (29 March) and Easter Monday (1 April) are skipped.
 *
 * Throws a RangeError if n is negative or not an integer, or if the count would need a day
 * outside 2018–2030, the years for which the bank holiday list is held.
 */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
	if (!Number.isInteger(n) || n < 0) {
		throw new RangeError(`Number of working days must be a whole number of 0 or more, got ${n}`);
	}
	parseIsoDate(d); // throws RangeError if d is not a real date
	let current = d;
	let remaining = n;
	while (remaining > 0) {
		current = addDays(current, 1);
		const year = parseIsoDate(current).year;
		if (year < BANK_HOLIDAYS_FIRST_YEAR || year > BANK_HOLIDAYS_LAST_YEAR) {
			throw new RangeError(
				`Cannot count working days into ${current}: bank holidays are only known for ` +
					`${BANK_HOLIDAYS_FIRST_YEAR}–${BANK_HOLIDAYS_LAST_YEAR} (update bank-holidays.ts)`
			);
		}
		if (isWorkingDay(current)) remaining -= 1;
	}
	return current;
}
