import type { IsoDate } from './dates';

/** First and last calendar years covered by {@link bankHolidaysEnglandAndWales}. */
export const BANK_HOLIDAYS_FIRST_YEAR = 2018;
export const BANK_HOLIDAYS_LAST_YEAR = 2030;

/**
 * Each year's bank holidays as month-day, in date order: New Year's Day, Good Friday, Easter Monday,
 * the early May, spring and summer bank holidays, Christmas Day and Boxing Day (each on its
 * substitute day when it falls at a weekend), with the year's one-off days where they fall.
 */
const DAYS_BY_YEAR: Readonly<Record<number, string>> = {
	2018: '01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26', // Easter Sunday 1 April
	2019: '01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26', // Easter Sunday 21 April
	2020: '01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28', // Easter Sunday 12 April; early May moved to VE Day, 8 May (from Monday 4 May); Boxing Day substitute 28 December
	2021: '01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28', // Easter Sunday 4 April; substitute days 27 and 28 December
	2022: '01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27', // Easter Sunday 17 April; New Year substitute 3 January; spring moved to 2 June (from Monday 30 May); Platinum Jubilee 3 June; State Funeral 19 September; Christmas substitute 27 December
	2023: '01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26', // Easter Sunday 9 April; New Year substitute 2 January; Coronation 8 May
	2024: '01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26', // Easter Sunday 31 March
	2025: '01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26', // Easter Sunday 20 April
	2026: '01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28', // Easter Sunday 5 April; Boxing Day substitute 28 December
	2027: '01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28', // computed; Easter Sunday 28 March; substitute days 27 and 28 December
	2028: '01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26', // computed; Easter Sunday 16 April; New Year substitute 3 January
	2029: '01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26', // computed; Easter Sunday 1 April
	2030: '01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26' // computed; Easter Sunday 21 April
};

/**
 * Bank holidays in England and Wales, 2018–2030 inclusive, sorted and as fixed data (no network).
 *
 * Source: GOV.UK "UK bank holidays", England and Wales (https://www.gov.uk/bank-holidays).
 * 2018–2026 follow the published list, including the one-off changes: VE Day moved the early May
 * bank holiday to 8 May 2020; the spring bank holiday moved to 2 June 2022 with an extra Platinum
 * Jubilee holiday on 3 June 2022; the State Funeral of Queen Elizabeth II on 19 September 2022;
 * the Coronation of King Charles III on 8 May 2023.
 *
 * 2027–2030 are COMPUTED from the usual rules (New Year's Day, Good Friday, Easter Monday, first
 * and last Monday in May, last Monday in August, Christmas Day, Boxing Day, with substitute days
 * when one falls at a weekend). They must be checked against GOV.UK when the government announces
 * them, because one-off changes can be made by royal proclamation.
 */
export const bankHolidaysEnglandAndWales: readonly IsoDate[] = Object.freeze(
	Object.entries(DAYS_BY_YEAR).flatMap(([year, days]) => days.split(' ').map((day) => `${year}-${day}`))
);

const bankHolidaySet: ReadonlySet<IsoDate> = new Set(bankHolidaysEnglandAndWales);

/**
 * True if `d` is a bank holiday in England and Wales. Only 2018–2030 are known: for any other
 * year this returns false, so callers that need certainty should check the year first (as
 * `addWorkingDays` does).
 */
export function isBankHoliday(d: IsoDate): boolean {
	return bankHolidaySet.has(d);
}
