import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../../src/lib/domain/dates';
import { addWorkingDays, isWorkingDay } from '../../../src/lib/domain/working-days';

describe('isWorkingDay', () => {
	it('excludes Saturdays and Sundays', () => {
		expect(isWorkingDay('2024-06-07')).toBe(true); // Friday
		expect(isWorkingDay('2024-06-08')).toBe(false); // Saturday
		expect(isWorkingDay('2024-06-09')).toBe(false); // Sunday
		expect(isWorkingDay('2024-06-10')).toBe(true); // Monday
	});

	it('excludes bank holidays, including the one-off ones', () => {
		expect(isWorkingDay('2024-03-29')).toBe(false); // Good Friday
		expect(isWorkingDay('2024-04-01')).toBe(false); // Easter Monday
		expect(isWorkingDay('2020-05-08')).toBe(false); // VE Day
		expect(isWorkingDay('2020-05-04')).toBe(true); // usual early May date, moved in 2020
		expect(isWorkingDay('2022-05-30')).toBe(true); // usual spring date, moved in 2022
		expect(isWorkingDay('2022-06-02')).toBe(false);
		expect(isWorkingDay('2022-06-03')).toBe(false);
		expect(isWorkingDay('2022-09-19')).toBe(false);
		expect(isWorkingDay('2023-05-08')).toBe(false);
		expect(isWorkingDay('2024-12-24')).toBe(true); // Christmas Eve is a working day
		expect(isWorkingDay('2024-12-31')).toBe(true);
	});

	it('treats leap days as ordinary days', () => {
		expect(isWorkingDay('2024-02-29')).toBe(true); // Thursday
		expect(isWorkingDay('2028-02-29')).toBe(true); // Tuesday
	});
});

describe('addWorkingDays', () => {
	it('returns the start date for 0, even on a weekend or holiday', () => {
		expect(addWorkingDays('2024-06-08', 0)).toBe('2024-06-08');
		expect(addWorkingDays('2024-12-25', 0)).toBe('2024-12-25');
	});

	it('skips weekends', () => {
		expect(addWorkingDays('2024-06-07', 1)).toBe('2024-06-10'); // Fri → Mon
		expect(addWorkingDays('2024-06-08', 1)).toBe('2024-06-10'); // Sat → Mon
		expect(addWorkingDays('2024-06-09', 1)).toBe('2024-06-10'); // Sun → Mon
		expect(addWorkingDays('2024-06-10', 1)).toBe('2024-06-11');
		expect(addWorkingDays('2024-06-10', 5)).toBe('2024-06-17');
		expect(addWorkingDays('2024-06-10', 10)).toBe('2024-06-24');
		expect(addWorkingDays('2024-06-08', 5)).toBe('2024-06-14'); // from Sat: Mon–Fri
	});

	it('skips Good Friday and Easter Monday across the end of March 2024', () => {
		// From Friday 22 March: Mon 25 (1), Tue 26 (2), Wed 27 (3), Thu 28 (4),
		// [Fri 29 Good Friday, Sat 30, Sun 31, Mon 1 April Easter Monday], Tue 2 April (5).
		expect(addWorkingDays('2024-03-22', 4)).toBe('2024-03-28');
		expect(addWorkingDays('2024-03-22', 5)).toBe('2024-04-02');
		expect(addWorkingDays('2024-03-22', 6)).toBe('2024-04-03');
		expect(addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
	});

	it('skips Easter in other years that straddle or precede the end of March', () => {
		expect(addWorkingDays('2018-03-29', 1)).toBe('2018-04-03'); // 30 Mar, 2 Apr
		expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30'); // 26 Mar, 29 Mar
		expect(addWorkingDays('2029-03-29', 1)).toBe('2029-04-03'); // 30 Mar, 2 Apr
	});

	it('skips each one-off bank holiday', () => {
		expect(addWorkingDays('2020-05-07', 1)).toBe('2020-05-11'); // VE Day Fri 8 May
		expect(addWorkingDays('2020-05-01', 1)).toBe('2020-05-04'); // 4 May 2020 was worked
		expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06'); // Jubilee Thu 2 and Fri 3 June
		expect(addWorkingDays('2022-05-27', 1)).toBe('2022-05-30'); // 30 May 2022 was worked
		expect(addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // State Funeral Mon 19 Sept
		expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09'); // Coronation Mon 8 May
		// From Fri 28 April 2023: [Mon 1 May early May] 2, 3, 4, 5, [Mon 8 Coronation] Tue 9
		expect(addWorkingDays('2023-04-28', 5)).toBe('2023-05-09');
	});

	it('skips Christmas and New Year, including substitute days', () => {
		expect(addWorkingDays('2021-12-24', 1)).toBe('2021-12-29'); // 27 and 28 substitutes
		expect(addWorkingDays('2021-12-31', 1)).toBe('2022-01-04'); // 3 Jan substitute
		expect(addWorkingDays('2022-12-23', 1)).toBe('2022-12-28'); // 26, 27
		expect(addWorkingDays('2022-12-30', 1)).toBe('2023-01-03'); // 2 Jan substitute
		expect(addWorkingDays('2020-12-24', 1)).toBe('2020-12-29'); // 25, 28
		expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29'); // 25, 28
		expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29'); // 27, 28
		expect(addWorkingDays('2027-12-31', 1)).toBe('2028-01-04'); // 3 Jan substitute
		expect(addWorkingDays('2024-12-24', 1)).toBe('2024-12-27');
	});

	it('counts 20 working days from Friday 20 December 2024 to Wednesday 22 January 2025', () => {
		// Worked by hand (holidays 25 and 26 Dec 2024, 1 Jan 2025; weekends skipped):
		// Dec: Mon 23 (1), Tue 24 (2), Fri 27 (3), Mon 30 (4), Tue 31 (5)
		// Jan: Thu 2 (6), Fri 3 (7), Mon 6–Fri 10 (8–12), Mon 13–Fri 17 (13–17),
		//      Mon 20 (18), Tue 21 (19), Wed 22 (20).
		expect(addWorkingDays('2024-12-20', 20)).toBe('2025-01-22');
		// The same count gives 15 working days on Wednesday 15 January.
		expect(addWorkingDays('2024-12-20', 15)).toBe('2025-01-15');
	});

	it('crosses leap days', () => {
		expect(addWorkingDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addWorkingDays('2024-02-28', 2)).toBe('2024-03-01');
		expect(addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addWorkingDays('2025-02-28', 1)).toBe('2025-03-03');
	});

	it('agrees with a plain day-by-day count everywhere in 2018–2030', () => {
		for (let start = '2018-01-01'; start <= '2030-11-30'; start = addDays(start, 3)) {
			for (const n of [1, 15, 20]) {
				const result = addWorkingDays(start, n);
				expect(isWorkingDay(result)).toBe(true);
				let counted = 0;
				for (let d = addDays(start, 1); d <= result; d = addDays(d, 1)) {
					if (isWorkingDay(d)) counted += 1;
				}
				expect(counted, `${start} + ${n}`).toBe(n);
			}
		}
	});

	it('gives the known number of working days in 2024 (254) and 2025 (253)', () => {
		expect(addWorkingDays('2023-12-31', 254)).toBe('2024-12-31');
		expect(addWorkingDays('2024-12-31', 253)).toBe('2025-12-31');
	});

	it('rejects a negative or fractional count', () => {
		expect(() => addWorkingDays('2024-06-10', -1)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-06-10', 1.5)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-06-10', Number.NaN)).toThrow(RangeError);
		expect(() => addWorkingDays('2024-06-10', Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});

	it('rejects an invalid start date', () => {
		expect(() => addWorkingDays('2023-02-29', 1)).toThrow(RangeError);
	});

	it('refuses to count into years with no bank holiday data', () => {
		expect(() => addWorkingDays('2017-12-29', 1)).toThrow(RangeError);
		expect(() => addWorkingDays('2017-12-29', 1)).toThrow(/2018–2030/);
		expect(() => addWorkingDays('2030-12-20', 10)).toThrow(/2031-01-01/);
		expect(() => addWorkingDays('2031-01-02', 1)).toThrow(RangeError);
	});

	it('allows counts that stay inside 2018–2030', () => {
		expect(addWorkingDays('2017-12-31', 1)).toBe('2018-01-02'); // 1 Jan 2018 is a holiday
		expect(addWorkingDays('2017-06-01', 0)).toBe('2017-06-01');
		expect(addWorkingDays('2030-12-20', 5)).toBe('2030-12-31');
		expect(dayOfWeek('2030-12-31')).toBe(2);
	});
});
