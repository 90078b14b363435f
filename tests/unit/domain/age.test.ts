import { describe, expect, it } from 'vitest';
import { ageBand, ageOn, CHILD_ACCOUNT_MIN_AGE, isPlanningForFuture } from '../../../src/lib/domain/age';

describe('ageOn', () => {
	it('adds a year on the birthday, not the day before', () => {
		expect(ageOn('2010-06-15', '2020-06-14')).toBe(9);
		expect(ageOn('2010-06-15', '2020-06-15')).toBe(10);
		expect(ageOn('2010-06-15', '2020-06-16')).toBe(10);
		expect(ageOn('2010-06-15', '2021-06-14')).toBe(10);
	});

	it('is 0 on the day of birth and until the first birthday', () => {
		expect(ageOn('2024-05-10', '2024-05-10')).toBe(0);
		expect(ageOn('2024-05-10', '2025-05-09')).toBe(0);
		expect(ageOn('2024-05-10', '2025-05-10')).toBe(1);
	});

	it('handles birthdays at the year end', () => {
		expect(ageOn('2008-12-31', '2024-12-30')).toBe(15);
		expect(ageOn('2008-12-31', '2024-12-31')).toBe(16);
		expect(ageOn('2009-01-01', '2024-12-31')).toBe(15);
		expect(ageOn('2009-01-01', '2025-01-01')).toBe(16);
	});

	it('makes a 29 February child a year older on 1 March in non-leap years', () => {
		expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
		expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
		expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
		expect(ageOn('2008-02-29', '2024-02-29')).toBe(16); // leap year: on the day itself
		expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
		expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
		expect(ageOn('2012-02-29', '2028-02-28')).toBe(15);
		expect(ageOn('2012-02-29', '2028-02-29')).toBe(16);
	});

	it('handles children born on 28 February and 1 March around leap years', () => {
		expect(ageOn('2008-02-28', '2024-02-28')).toBe(16);
		expect(ageOn('2008-03-01', '2024-02-29')).toBe(15);
		expect(ageOn('2008-03-01', '2024-03-01')).toBe(16);
	});

	it('rejects a date before birth and invalid dates', () => {
		expect(() => ageOn('2024-05-10', '2024-05-09')).toThrow(RangeError);
		expect(() => ageOn('2024-02-29', '2024-02-28')).toThrow(RangeError);
		expect(() => ageOn('2023-02-29', '2024-01-01')).toThrow(RangeError);
		expect(() => ageOn('2010-01-01', '2024-13-01')).toThrow(RangeError);
	});
});

describe('ageBand', () => {
	it.each([
		[0, 'under4'],
		[3, 'under4'],
		[4, '4-7'],
		[7, '4-7'],
		[8, '8-12'],
		[12, '8-12'],
		[13, '13+'],
		[15, '13+'],
		[16, '13+'],
		[17, '13+'],
		[25, '13+']
	])('age %i is %s', (age, band) => {
		expect(ageBand(age)).toBe(band);
	});

	it('rejects negative and fractional ages', () => {
		expect(() => ageBand(-1)).toThrow(RangeError);
		expect(() => ageBand(4.5)).toThrow(RangeError);
		expect(() => ageBand(Number.NaN)).toThrow(RangeError);
	});

	it('works with ageOn', () => {
		expect(ageBand(ageOn('2020-09-01', '2024-08-31'))).toBe('under4');
		expect(ageBand(ageOn('2020-09-01', '2024-09-01'))).toBe('4-7');
	});
});

describe('CHILD_ACCOUNT_MIN_AGE', () => {
	it('is 4, the lower edge of the first band with an account', () => {
		expect(CHILD_ACCOUNT_MIN_AGE).toBe(4);
		expect(ageBand(CHILD_ACCOUNT_MIN_AGE - 1)).toBe('under4');
		expect(ageBand(CHILD_ACCOUNT_MIN_AGE)).toBe('4-7');
	});
});

describe('isPlanningForFuture', () => {
	it.each([
		[0, false],
		[13, false],
		[15, false],
		[16, true],
		[17, true],
		[18, true]
	])('age %i → %s', (age, expected) => {
		expect(isPlanningForFuture(age)).toBe(expected);
	});

	it('turns true on the 16th birthday', () => {
		expect(isPlanningForFuture(ageOn('2008-06-15', '2024-06-14'))).toBe(false);
		expect(isPlanningForFuture(ageOn('2008-06-15', '2024-06-15'))).toBe(true);
	});

	it('rejects invalid ages', () => {
		expect(() => isPlanningForFuture(-1)).toThrow(RangeError);
		expect(() => isPlanningForFuture(15.5)).toThrow(RangeError);
	});
});
