import { afterEach, describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	compareDates,
	dayOfWeek,
	daysBetween,
	isIsoDate,
	londonDate,
	londonFields
} from '../../../src/lib/domain/dates';

const at = (iso: string): number => Date.parse(iso);

describe('isIsoDate', () => {
	it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2024-01-01', '2030-04-30'])('accepts %s', (s) => {
		expect(isIsoDate(s)).toBe(true);
	});

	it.each([
		'2023-02-29', // not a leap year
		'1900-02-29', // century, not a leap year
		'2024-02-30',
		'2024-04-31',
		'2024-13-01',
		'2024-00-10',
		'2024-01-00',
		'2024-01-32',
		'2024-1-1',
		'2024-01-1',
		'24-01-01',
		'20240101',
		' 2024-01-01',
		'2024-01-01 ',
		'2024-01-01T00:00:00Z',
		'2024/01/01',
		'',
		'yyyy-mm-dd'
	])('rejects %j', (s) => {
		expect(isIsoDate(s)).toBe(false);
	});
});

describe('addDays', () => {
	it('adds and subtracts days across month, year and leap-day boundaries', () => {
		expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
		expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
		expect(addDays('2024-06-15', 0)).toBe('2024-06-15');
	});

	it('is not affected by the clocks changing (BST starts 31 March, ends 27 October 2024)', () => {
		expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
		expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
		expect(addDays('2024-10-26', 1)).toBe('2024-10-27');
		expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
	});

	it('rejects invalid input', () => {
		expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
		expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
		expect(() => addDays('2024-01-01', Number.NaN)).toThrow(RangeError);
	});
});

describe('addMonths', () => {
	it('clamps to the end of a shorter month', () => {
		expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
		expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
		expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
		expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
	});

	it('keeps the day when it exists', () => {
		expect(addMonths('2024-01-15', 3)).toBe('2024-04-15');
		expect(addMonths('2024-10-20', 3)).toBe('2025-01-20');
		expect(addMonths('2024-02-29', 6)).toBe('2024-08-29');
		expect(addMonths('2024-02-29', 0)).toBe('2024-02-29');
	});

	it('handles leap days a year or more on', () => {
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
		expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
	});

	it('goes backwards with negative months', () => {
		expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
		expect(addMonths('2025-01-15', -3)).toBe('2024-10-15');
		expect(addMonths('2025-02-28', -12)).toBe('2024-02-28');
	});

	it('rejects invalid input', () => {
		expect(() => addMonths('2024-02-30', 1)).toThrow(RangeError);
		expect(() => addMonths('2024-01-01', 0.5)).toThrow(RangeError);
	});
});

describe('compareDates and daysBetween', () => {
	it('compares dates', () => {
		expect(compareDates('2024-01-01', '2024-01-02')).toBeLessThan(0);
		expect(compareDates('2024-01-02', '2024-01-01')).toBeGreaterThan(0);
		expect(compareDates('2024-05-05', '2024-05-05')).toBe(0);
		expect(compareDates('2023-12-31', '2024-01-01')).toBeLessThan(0);
	});

	it('counts days from one date to another', () => {
		expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0);
		expect(daysBetween('2024-01-01', '2024-01-15')).toBe(14);
		expect(daysBetween('2024-01-15', '2024-01-01')).toBe(-14);
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
		expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2); // across the start of BST
		expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2); // across the end of BST
	});

	it('sorts ISO dates correctly', () => {
		const dates = ['2025-01-01', '2024-02-29', '2024-12-31', '2024-03-01'];
		expect([...dates].sort(compareDates)).toEqual(['2024-02-29', '2024-03-01', '2024-12-31', '2025-01-01']);
	});
});

describe('dayOfWeek', () => {
	it('returns 0 for Sunday to 6 for Saturday', () => {
		expect(dayOfWeek('2024-03-24')).toBe(0); // Sunday
		expect(dayOfWeek('2024-03-25')).toBe(1); // Monday
		expect(dayOfWeek('2024-03-22')).toBe(5); // Friday
		expect(dayOfWeek('2024-03-23')).toBe(6); // Saturday
		expect(dayOfWeek('2024-02-29')).toBe(4); // Thursday
		expect(dayOfWeek('2028-02-29')).toBe(2); // Tuesday
		expect(dayOfWeek('2000-01-01')).toBe(6); // Saturday
		expect(dayOfWeek('2024-03-31')).toBe(0); // Easter Sunday, the day BST starts
	});
});

describe('londonDate', () => {
	it('uses GMT in winter', () => {
		expect(londonDate(at('2024-01-15T23:59:59.999Z'))).toBe('2024-01-15');
		expect(londonDate(at('2024-01-16T00:00:00Z'))).toBe('2024-01-16');
		expect(londonDate(at('2024-12-31T23:30:00Z'))).toBe('2024-12-31');
		expect(londonDate(at('2025-01-01T00:00:00Z'))).toBe('2025-01-01');
	});

	it('uses BST in summer (UTC 23:00 is already tomorrow in London)', () => {
		expect(londonDate(at('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
		expect(londonDate(at('2024-06-30T23:00:00Z'))).toBe('2024-07-01');
		expect(londonDate(at('2024-06-30T22:59:59.999Z'))).toBe('2024-06-30');
	});

	it('handles the start of BST (01:00 UTC on Sunday 31 March 2024)', () => {
		expect(londonDate(at('2024-03-30T23:30:00Z'))).toBe('2024-03-30'); // still GMT
		expect(londonDate(at('2024-03-31T00:30:00Z'))).toBe('2024-03-31');
		expect(londonDate(at('2024-03-31T22:59:59Z'))).toBe('2024-03-31');
		expect(londonDate(at('2024-03-31T23:00:00Z'))).toBe('2024-04-01'); // now BST
	});

	it('handles the end of BST (01:00 UTC on Sunday 27 October 2024)', () => {
		expect(londonDate(at('2024-10-26T22:59:59Z'))).toBe('2024-10-26');
		expect(londonDate(at('2024-10-26T23:30:00Z'))).toBe('2024-10-27'); // still BST
		expect(londonDate(at('2024-10-27T23:30:00Z'))).toBe('2024-10-27'); // back to GMT
		expect(londonDate(at('2024-10-28T00:00:00Z'))).toBe('2024-10-28');
	});

	it('rejects a non-finite instant', () => {
		expect(() => londonDate(Number.NaN)).toThrow(RangeError);
	});
});

describe('independence from the process time zone', () => {
	const original = process.env.TZ;
	afterEach(() => {
		if (original === undefined) delete process.env.TZ;
		else process.env.TZ = original;
	});

	it.each(['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Europe/London'])(
		'gives the same answers with TZ=%s',
		(tz) => {
			process.env.TZ = tz;
			expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
			expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
			expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
			expect(dayOfWeek('2024-03-31')).toBe(0);
			expect(daysBetween('2024-03-01', '2024-04-01')).toBe(31);
			expect(londonDate(at('2024-06-30T23:30:00Z'))).toBe('2024-07-01');
			expect(londonDate(at('2024-03-30T23:30:00Z'))).toBe('2024-03-30');
		}
	);
});

describe('London clock, kept per hour', () => {
	const intl = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		hourCycle: 'h23',
		weekday: 'short',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit'
	});
	const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

	it('reads every 61 minutes of two years, clock changes included, as Intl does', () => {
		const start = Date.UTC(2025, 0, 1);
		for (let t = start; t < start + 730 * 86_400_000; t += 61 * 60_000 + 13_000) {
			const p = Object.fromEntries(intl.formatToParts(t).map((x) => [x.type, x.value]));
			expect(londonFields(t)).toEqual({
				weekday: WEEKDAYS.indexOf(p.weekday),
				year: +p.year,
				month: +p.month,
				day: +p.day,
				hour: +p.hour,
				minute: +p.minute
			});
		}
	});

	it('turns the clocks at 01:00 UTC: the last minute of GMT and the first of BST', () => {
		const change = Date.UTC(2026, 2, 29, 1, 0);
		expect(londonFields(change - 60_000)).toMatchObject({ day: 29, hour: 0, minute: 59 });
		expect(londonFields(change)).toMatchObject({ day: 29, hour: 2, minute: 0 });
		expect(londonDate(Date.UTC(2026, 9, 24, 23, 30))).toBe('2026-10-25');
		expect(londonDate(Date.UTC(2026, 9, 25, 23, 30))).toBe('2026-10-25');
	});
});
