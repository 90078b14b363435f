import { describe, expect, it } from 'vitest';
import { londonInstant } from '../../../src/lib/domain/london-time';
import { escalationDueAt, isEscalationDue, isWorkingTime } from '../../../src/lib/domain/working-hours';

const at = (date: string, time: string) => londonInstant(date, time);
const MIN = 60_000;

describe('isWorkingTime: Monday to Friday, 09:00 to 17:00 in London, not bank holidays', () => {
	it('is true inside the day and false on its edges outside', () => {
		// Thursday 3 December 2026 (GMT)
		expect(isWorkingTime(at('2026-12-03', '08:59'))).toBe(false);
		expect(isWorkingTime(at('2026-12-03', '09:00'))).toBe(true);
		expect(isWorkingTime(at('2026-12-03', '09:00') - 1)).toBe(false);
		expect(isWorkingTime(at('2026-12-03', '12:30'))).toBe(true);
		expect(isWorkingTime(at('2026-12-03', '16:59'))).toBe(true);
		expect(isWorkingTime(at('2026-12-03', '17:00') - 1)).toBe(true);
		expect(isWorkingTime(at('2026-12-03', '17:00'))).toBe(false);
		expect(isWorkingTime(at('2026-12-03', '23:59'))).toBe(false);
		expect(isWorkingTime(at('2026-12-03', '00:00'))).toBe(false);
	});

	it('is false all weekend, true on Monday and Friday', () => {
		expect(isWorkingTime(at('2026-12-04', '10:00'))).toBe(true); // Friday
		expect(isWorkingTime(at('2026-12-05', '10:00'))).toBe(false); // Saturday
		expect(isWorkingTime(at('2026-12-06', '12:00'))).toBe(false); // Sunday
		expect(isWorkingTime(at('2026-12-07', '09:00'))).toBe(true); // Monday
	});

	it('is false on bank holidays, including substitute and one-off days', () => {
		expect(isWorkingTime(at('2026-12-25', '10:00'))).toBe(false); // Christmas Day (Friday)
		expect(isWorkingTime(at('2026-12-28', '10:00'))).toBe(false); // Boxing Day substitute (Monday)
		expect(isWorkingTime(at('2026-12-24', '10:00'))).toBe(true); // Christmas Eve is a working day
		expect(isWorkingTime(at('2024-03-29', '11:00'))).toBe(false); // Good Friday
		expect(isWorkingTime(at('2024-04-01', '11:00'))).toBe(false); // Easter Monday
		expect(isWorkingTime(at('2022-09-19', '11:00'))).toBe(false); // State Funeral
		expect(isWorkingTime(at('2023-05-08', '11:00'))).toBe(false); // Coronation
	});

	it('follows London time in summer (BST), not UTC', () => {
		// Wednesday 15 July 2026: 09:00 BST is 08:00 UTC; 17:00 BST is 16:00 UTC.
		expect(isWorkingTime(Date.UTC(2026, 6, 15, 8, 0))).toBe(true);
		expect(isWorkingTime(Date.UTC(2026, 6, 15, 7, 59))).toBe(false);
		expect(isWorkingTime(Date.UTC(2026, 6, 15, 15, 59))).toBe(true);
		expect(isWorkingTime(Date.UTC(2026, 6, 15, 16, 0))).toBe(false);
		// In winter (GMT) London and UTC agree.
		expect(isWorkingTime(Date.UTC(2026, 11, 2, 9, 0))).toBe(true);
		expect(isWorkingTime(Date.UTC(2026, 11, 2, 17, 0))).toBe(false);
	});

	it('is right on the days the clocks change', () => {
		// Clocks go forward on Sunday 29 March 2026 (a Sunday: never working time), back on Sunday
		// 25 October 2026. The Mondays after use the new offset.
		expect(isWorkingTime(at('2026-03-29', '10:00'))).toBe(false);
		expect(isWorkingTime(Date.UTC(2026, 2, 30, 8, 0))).toBe(true); // 09:00 BST Monday
		expect(isWorkingTime(Date.UTC(2026, 2, 30, 7, 59))).toBe(false);
		expect(isWorkingTime(Date.UTC(2026, 2, 27, 8, 59))).toBe(false); // 08:59 GMT Friday before
		expect(isWorkingTime(Date.UTC(2026, 2, 27, 9, 0))).toBe(true);
		expect(isWorkingTime(at('2026-10-25', '10:00'))).toBe(false);
		expect(isWorkingTime(Date.UTC(2026, 9, 26, 9, 0))).toBe(true); // 09:00 GMT Monday
		expect(isWorkingTime(Date.UTC(2026, 9, 26, 8, 59))).toBe(false);
		expect(isWorkingTime(Date.UTC(2026, 9, 23, 16, 59))).toBe(false); // 17:59 BST Friday before
		expect(isWorkingTime(Date.UTC(2026, 9, 23, 15, 59))).toBe(true); // 16:59 BST
	});

	it('still excludes weekends outside the years of known bank holidays', () => {
		expect(isWorkingTime(at('2031-01-04', '10:00'))).toBe(false); // Saturday
		expect(isWorkingTime(at('2031-01-06', '10:00'))).toBe(true); // Monday
	});
});

describe('escalationDueAt: when an unacknowledged urgent message goes to every manager', () => {
	it('in working hours: after the set minutes, by the clock, even past 17:00', () => {
		const sent = at('2026-12-03', '10:15');
		expect(escalationDueAt(sent, 60)).toBe(sent + 60 * MIN);
		expect(isEscalationDue(sent, sent + 59 * MIN, 60)).toBe(false);
		expect(isEscalationDue(sent, sent + 60 * MIN, 60)).toBe(true);
		const late = at('2026-12-03', '16:45');
		expect(escalationDueAt(late, 60)).toBe(at('2026-12-03', '17:45'));
		expect(escalationDueAt(sent, 15)).toBe(sent + 15 * MIN);
	});

	it('not for messages older than a week (sent before acknowledgement existed)', () => {
		const sent = at('2026-12-03', '10:15');
		expect(isEscalationDue(sent, sent + 7 * 24 * 60 * MIN, 60)).toBe(true);
		expect(isEscalationDue(sent, sent + 7 * 24 * 60 * MIN + 1, 60)).toBe(false);
	});

	it('out of hours (evening, weekend, bank holiday): at once', () => {
		for (const sent of [
			at('2026-12-03', '17:00'),
			at('2026-12-03', '02:00'),
			at('2026-12-05', '11:00'),
			at('2026-12-25', '11:00')
		]) {
			expect(escalationDueAt(sent, 60)).toBe(sent);
			expect(isEscalationDue(sent, sent, 60)).toBe(true);
		}
	});
});
