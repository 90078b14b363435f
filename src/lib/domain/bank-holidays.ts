import type { IsoDate } from './dates';

/** First and last calendar years covered by {@link bankHolidaysEnglandAndWales}. */
export const BANK_HOLIDAYS_FIRST_YEAR = 2018;
export const BANK_HOLIDAYS_LAST_YEAR = 2030;

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
export const bankHolidaysEnglandAndWales: readonly IsoDate[] = Object.freeze([
	// 2018 (Easter Sunday 1 April)
	'2018-01-01', // New Year's Day
	'2018-03-30', // Good Friday
	'2018-04-02', // Easter Monday
	'2018-05-07', // Early May bank holiday
	'2018-05-28', // Spring bank holiday
	'2018-08-27', // Summer bank holiday
	'2018-12-25', // Christmas Day
	'2018-12-26', // Boxing Day

	// 2019 (Easter Sunday 21 April)
	'2019-01-01', // New Year's Day
	'2019-04-19', // Good Friday
	'2019-04-22', // Easter Monday
	'2019-05-06', // Early May bank holiday
	'2019-05-27', // Spring bank holiday
	'2019-08-26', // Summer bank holiday
	'2019-12-25', // Christmas Day
	'2019-12-26', // Boxing Day

	// 2020 (Easter Sunday 12 April)
	'2020-01-01', // New Year's Day
	'2020-04-10', // Good Friday
	'2020-04-13', // Easter Monday
	'2020-05-08', // Early May bank holiday (VE Day), moved from Monday 4 May
	'2020-05-25', // Spring bank holiday
	'2020-08-31', // Summer bank holiday
	'2020-12-25', // Christmas Day
	'2020-12-28', // Boxing Day (substitute day; 26 December was a Saturday)

	// 2021 (Easter Sunday 4 April)
	'2021-01-01', // New Year's Day
	'2021-04-02', // Good Friday
	'2021-04-05', // Easter Monday
	'2021-05-03', // Early May bank holiday
	'2021-05-31', // Spring bank holiday
	'2021-08-30', // Summer bank holiday
	'2021-12-27', // Christmas Day (substitute day; 25 December was a Saturday)
	'2021-12-28', // Boxing Day (substitute day; 26 December was a Sunday)

	// 2022 (Easter Sunday 17 April)
	'2022-01-03', // New Year's Day (substitute day; 1 January was a Saturday)
	'2022-04-15', // Good Friday
	'2022-04-18', // Easter Monday
	'2022-05-02', // Early May bank holiday
	'2022-06-02', // Spring bank holiday, moved from Monday 30 May
	'2022-06-03', // Platinum Jubilee bank holiday
	'2022-08-29', // Summer bank holiday
	'2022-09-19', // Bank holiday for the State Funeral of Queen Elizabeth II
	'2022-12-26', // Boxing Day
	'2022-12-27', // Christmas Day (substitute day; 25 December was a Sunday)

	// 2023 (Easter Sunday 9 April)
	'2023-01-02', // New Year's Day (substitute day; 1 January was a Sunday)
	'2023-04-07', // Good Friday
	'2023-04-10', // Easter Monday
	'2023-05-01', // Early May bank holiday
	'2023-05-08', // Bank holiday for the Coronation of King Charles III
	'2023-05-29', // Spring bank holiday
	'2023-08-28', // Summer bank holiday
	'2023-12-25', // Christmas Day
	'2023-12-26', // Boxing Day

	// 2024 (Easter Sunday 31 March)
	'2024-01-01', // New Year's Day
	'2024-03-29', // Good Friday
	'2024-04-01', // Easter Monday
	'2024-05-06', // Early May bank holiday
	'2024-05-27', // Spring bank holiday
	'2024-08-26', // Summer bank holiday
	'2024-12-25', // Christmas Day
	'2024-12-26', // Boxing Day

	// 2025 (Easter Sunday 20 April)
	'2025-01-01', // New Year's Day
	'2025-04-18', // Good Friday
	'2025-04-21', // Easter Monday
	'2025-05-05', // Early May bank holiday
	'2025-05-26', // Spring bank holiday
	'2025-08-25', // Summer bank holiday
	'2025-12-25', // Christmas Day
	'2025-12-26', // Boxing Day

	// 2026 (Easter Sunday 5 April)
	'2026-01-01', // New Year's Day
	'2026-04-03', // Good Friday
	'2026-04-06', // Easter Monday
	'2026-05-04', // Early May bank holiday
	'2026-05-25', // Spring bank holiday
	'2026-08-31', // Summer bank holiday
	'2026-12-25', // Christmas Day
	'2026-12-28', // Boxing Day (substitute day; 26 December is a Saturday)

	// 2027 (computed; Easter Sunday 28 March)
	'2027-01-01', // New Year's Day
	'2027-03-26', // Good Friday
	'2027-03-29', // Easter Monday
	'2027-05-03', // Early May bank holiday
	'2027-05-31', // Spring bank holiday
	'2027-08-30', // Summer bank holiday
	'2027-12-27', // Christmas Day (substitute day; 25 December is a Saturday)
	'2027-12-28', // Boxing Day (substitute day; 26 December is a Sunday)

	// 2028 (computed; Easter Sunday 16 April)
	'2028-01-03', // New Year's Day (substitute day; 1 January is a Saturday)
	'2028-04-14', // Good Friday
	'2028-04-17', // Easter Monday
	'2028-05-01', // Early May bank holiday
	'2028-05-29', // Spring bank holiday
	'2028-08-28', // Summer bank holiday
	'2028-12-25', // Christmas Day
	'2028-12-26', // Boxing Day

	// 2029 (computed; Easter Sunday 1 April)
	'2029-01-01', // New Year's Day
	'2029-03-30', // Good Friday
	'2029-04-02', // Easter Monday
	'2029-05-07', // Early May bank holiday
	'2029-05-28', // Spring bank holiday
	'2029-08-27', // Summer bank holiday
	'2029-12-25', // Christmas Day
	'2029-12-26', // Boxing Day

	// 2030 (computed; Easter Sunday 21 April)
	'2030-01-01', // New Year's Day
	'2030-04-19', // Good Friday
	'2030-04-22', // Easter Monday
	'2030-05-06', // Early May bank holiday
	'2030-05-27', // Spring bank holiday
	'2030-08-26', // Summer bank holiday
	'2030-12-25', // Christmas Day
	'2030-12-26' // Boxing Day
]);

const bankHolidaySet: ReadonlySet<IsoDate> = new Set(bankHolidaysEnglandAndWales);

/**
 * True if `d` is a bank holiday in England and Wales. Only 2018–2030 are known: for any other
 * year this returns false, so callers that need certainty should check the year first (as
 * `addWorkingDays` does).
 */
export function isBankHoliday(d: IsoDate): boolean {
	return bankHolidaySet.has(d);
}
