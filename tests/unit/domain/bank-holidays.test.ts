import { describe, expect, it } from 'vitest';
import {
	bankHolidaysEnglandAndWales,
	BANK_HOLIDAYS_FIRST_YEAR,
	BANK_HOLIDAYS_LAST_YEAR,
	isBankHoliday
} from '../../../src/lib/domain/bank-holidays';
import { addDays, dayOfWeek, isIsoDate, type IsoDate } from '../../../src/lib/domain/dates';

const list = bankHolidaysEnglandAndWales;
const years = Array.from({ length: 13 }, (_, i) => 2018 + i);
const inYear = (year: number): IsoDate[] => list.filter((d) => d.startsWith(`${year}-`));
const iso = (y: number, m: number, d: number): IsoDate =>
	`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), for cross-checking. */
function easterSunday(y: number): IsoDate {
	const a = y % 19;
	const b = Math.floor(y / 100);
	const c = y % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return iso(y, month, day);
}

function firstMonday(y: number, month: number): IsoDate {
	let d = iso(y, month, 1);
	while (dayOfWeek(d) !== 1) d = addDays(d, 1);
	return d;
}

function lastMonday(y: number, month: number): IsoDate {
	let d = addDays(iso(month === 12 ? y + 1 : y, month === 12 ? 1 : month + 1, 1), -1);
	while (dayOfWeek(d) !== 1) d = addDays(d, -1);
	return d;
}

/** The holidays the usual rules give, independently of the data file. */
function usualRules(y: number): IsoDate[] {
	let newYear = iso(y, 1, 1);
	while (dayOfWeek(newYear) === 0 || dayOfWeek(newYear) === 6) newYear = addDays(newYear, 1);
	const easter = easterSunday(y);
	const christmas = iso(y, 12, 25);
	const christmasDay = dayOfWeek(christmas);
	const christmasPair =
		christmasDay === 6 // Saturday: Mon 27 and Tue 28
			? [iso(y, 12, 27), iso(y, 12, 28)]
			: christmasDay === 0 // Sunday: Boxing Day Mon 26, substitute Tue 27
				? [iso(y, 12, 26), iso(y, 12, 27)]
				: christmasDay === 5 // Friday: Boxing Day Saturday, substitute Mon 28
					? [iso(y, 12, 25), iso(y, 12, 28)]
					: [iso(y, 12, 25), iso(y, 12, 26)];
	return [
		newYear,
		addDays(easter, -2),
		addDays(easter, 1),
		firstMonday(y, 5),
		lastMonday(y, 5),
		lastMonday(y, 8),
		...christmasPair
	];
}

describe('bankHolidaysEnglandAndWales data', () => {
	it('holds only valid dates within 2018–2030', () => {
		expect(BANK_HOLIDAYS_FIRST_YEAR).toBe(2018);
		expect(BANK_HOLIDAYS_LAST_YEAR).toBe(2030);
		for (const d of list) {
			expect(isIsoDate(d), d).toBe(true);
			const year = Number(d.slice(0, 4));
			expect(year).toBeGreaterThanOrEqual(2018);
			expect(year).toBeLessThanOrEqual(2030);
		}
	});

	it('is sorted with no duplicates', () => {
		for (let i = 1; i < list.length; i++) {
			expect(list[i - 1] < list[i], `${list[i - 1]} before ${list[i]}`).toBe(true);
		}
		expect(new Set(list).size).toBe(list.length);
	});

	it('has at least 8 entries for every year 2018–2030', () => {
		for (const y of years) expect(inYear(y).length, String(y)).toBeGreaterThanOrEqual(8);
	});

	it('has the expected number of holidays each year', () => {
		const counts = Object.fromEntries(years.map((y) => [y, inYear(y).length]));
		expect(counts).toEqual({
			2018: 8,
			2019: 8,
			2020: 8, // early May moved, not added
			2021: 8,
			2022: 10, // Platinum Jubilee and State Funeral
			2023: 9, // Coronation
			2024: 8,
			2025: 8,
			2026: 8,
			2027: 8,
			2028: 8,
			2029: 8,
			2030: 8
		});
	});

	it('never lists a Saturday or Sunday (weekend holidays become substitute days)', () => {
		for (const d of list) expect([0, 6], d).not.toContain(dayOfWeek(d));
	});

	it('cannot be modified', () => {
		expect(Object.isFrozen(list)).toBe(true);
	});

	it('matches the usual rules in every year without a one-off change', () => {
		for (const y of years.filter((year) => ![2020, 2022, 2023].includes(year))) {
			expect(inYear(y), String(y)).toEqual(usualRules(y));
		}
	});

	it('applies the one-off changes of 2020, 2022 and 2023 to the usual rules', () => {
		const replace = (dates: IsoDate[], from: IsoDate, to: IsoDate[]): IsoDate[] =>
			dates.flatMap((d) => (d === from ? to : [d])).sort();
		expect(inYear(2020)).toEqual(replace(usualRules(2020), '2020-05-04', ['2020-05-08']));
		expect(inYear(2022)).toEqual(
			replace(usualRules(2022), '2022-05-30', ['2022-06-02', '2022-06-03', '2022-09-19'])
		);
		expect(inYear(2023)).toEqual([...usualRules(2023), '2023-05-08'].sort());
	});

	it('has Good Friday and Easter Monday right every year', () => {
		const expected: Record<number, [IsoDate, IsoDate]> = {
			2018: ['2018-03-30', '2018-04-02'],
			2019: ['2019-04-19', '2019-04-22'],
			2020: ['2020-04-10', '2020-04-13'],
			2021: ['2021-04-02', '2021-04-05'],
			2022: ['2022-04-15', '2022-04-18'],
			2023: ['2023-04-07', '2023-04-10'],
			2024: ['2024-03-29', '2024-04-01'],
			2025: ['2025-04-18', '2025-04-21'],
			2026: ['2026-04-03', '2026-04-06'],
			2027: ['2027-03-26', '2027-03-29'],
			2028: ['2028-04-14', '2028-04-17'],
			2029: ['2029-03-30', '2029-04-02'],
			2030: ['2030-04-19', '2030-04-22']
		};
		for (const y of years) {
			const easter = easterSunday(y);
			expect(expected[y], String(y)).toEqual([addDays(easter, -2), addDays(easter, 1)]);
			expect(dayOfWeek(expected[y][0])).toBe(5);
			expect(dayOfWeek(expected[y][1])).toBe(1);
			expect(list).toContain(expected[y][0]);
			expect(list).toContain(expected[y][1]);
		}
	});
});

describe('isBankHoliday', () => {
	it.each([
		['2020-05-08', 'VE Day (early May bank holiday moved)'],
		['2022-06-02', 'spring bank holiday moved for the Platinum Jubilee'],
		['2022-06-03', 'Platinum Jubilee bank holiday'],
		['2022-09-19', 'State Funeral of Queen Elizabeth II'],
		['2023-05-08', 'Coronation of King Charles III'],
		['2023-05-01', 'early May bank holiday in the Coronation year']
	])('%s is a bank holiday (%s)', (d) => {
		expect(isBankHoliday(d)).toBe(true);
	});

	it.each([
		['2020-05-04', 'the usual early May date, moved in 2020'],
		['2022-05-30', 'the usual spring date, moved in 2022'],
		['2022-06-01', 'the day before the Jubilee holidays'],
		['2022-09-20', 'the day after the State Funeral']
	])('%s is not a bank holiday (%s)', (d) => {
		expect(isBankHoliday(d)).toBe(false);
	});

	it('has Christmas and New Year substitute days', () => {
		// 2020: Christmas Friday, Boxing Day Saturday → Monday 28th
		expect(isBankHoliday('2020-12-25')).toBe(true);
		expect(isBankHoliday('2020-12-28')).toBe(true);
		// 2021: Christmas Saturday, Boxing Day Sunday → Monday 27th and Tuesday 28th
		expect(isBankHoliday('2021-12-27')).toBe(true);
		expect(isBankHoliday('2021-12-28')).toBe(true);
		// 2022: New Year Saturday → Monday 3 January
		expect(isBankHoliday('2022-01-03')).toBe(true);
		// 2022: Christmas Sunday → Boxing Day Monday 26th, Christmas substitute Tuesday 27th
		expect(isBankHoliday('2022-12-26')).toBe(true);
		expect(isBankHoliday('2022-12-27')).toBe(true);
		// 2023: New Year Sunday → Monday 2 January
		expect(isBankHoliday('2023-01-02')).toBe(true);
		// 2026: Boxing Day Saturday → Monday 28th
		expect(isBankHoliday('2026-12-28')).toBe(true);
		// 2027: like 2021
		expect(isBankHoliday('2027-12-27')).toBe(true);
		expect(isBankHoliday('2027-12-28')).toBe(true);
		// 2028: New Year Saturday → Monday 3 January
		expect(isBankHoliday('2028-01-03')).toBe(true);
		expect(isBankHoliday('2028-01-04')).toBe(false);
		// The weekend days themselves are not listed
		expect(isBankHoliday('2021-12-25')).toBe(false);
		expect(isBankHoliday('2022-01-01')).toBe(false);
	});

	it('returns false outside the years held and for non-dates', () => {
		expect(isBankHoliday('2017-12-25')).toBe(false);
		expect(isBankHoliday('2031-01-01')).toBe(false);
		expect(isBankHoliday('not a date')).toBe(false);
	});
});
