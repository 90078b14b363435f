import { describe, expect, it } from 'vitest';
import {
	CLA_FIRST_REVIEW_WORKING_DAYS,
	DUE_SOON_DAYS,
	heldInTimescale,
	ICPC_WORKING_DAYS,
	LATER_MEETING_MONTHS,
	nextMeetingDue,
	SECOND_MEETING_MONTHS,
	timescaleState
} from '../../../src/lib/domain/timescales';

describe('timescale constants', () => {
	it('match the regulations and guidance', () => {
		expect(CLA_FIRST_REVIEW_WORKING_DAYS).toBe(20);
		expect(ICPC_WORKING_DAYS).toBe(15);
		expect(SECOND_MEETING_MONTHS).toBe(3);
		expect(LATER_MEETING_MONTHS).toBe(6);
		expect(DUE_SOON_DAYS).toBe(14);
	});
});

describe('nextMeetingDue: cared for', () => {
	it('returns null with no start date and nothing held', () => {
		expect(nextMeetingDue({ status: 'cared_for', startDate: null, held: [] })).toBeNull();
	});

	it('puts the first review 20 working days after becoming cared for, across Christmas', () => {
		// 20 Dec 2024 (Fri) + 20 working days, skipping 25/26 Dec and 1 Jan → Wed 22 Jan 2025
		expect(nextMeetingDue({ status: 'cared_for', startDate: '2024-12-20', held: [] })).toEqual({
			kind: 'cla_review',
			due: '2025-01-22',
			number: 1
		});
	});

	it('puts the first review 20 working days on across Easter 2024', () => {
		// Mon 25–Thu 28 Mar (4), Tue 2–Fri 5 Apr (8), 8–12 (13), 15–19 (18), Mon 22 (19), Tue 23 (20)
		expect(nextMeetingDue({ status: 'cared_for', startDate: '2024-03-22', held: [] })).toEqual({
			kind: 'cla_review',
			due: '2024-04-23',
			number: 1
		});
	});

	it('follows the full sequence: 20 working days, then 3 months, then every 6 months', () => {
		const startDate = '2024-12-20';
		const due = (held: string[]) => nextMeetingDue({ status: 'cared_for', startDate, held });
		expect(due(['2025-01-20'])).toEqual({ kind: 'cla_review', due: '2025-04-20', number: 2 });
		expect(due(['2025-01-20', '2025-04-15'])).toEqual({
			kind: 'cla_review',
			due: '2025-10-15',
			number: 3
		});
		expect(due(['2025-01-20', '2025-04-15', '2025-10-10'])).toEqual({
			kind: 'cla_review',
			due: '2026-04-10',
			number: 4
		});
		expect(due(['2025-01-20', '2025-04-15', '2025-10-10', '2026-04-01'])).toEqual({
			kind: 'cla_review',
			due: '2026-10-01',
			number: 5
		});
	});

	it('counts from the date a meeting was actually held, even if it was late', () => {
		const next = nextMeetingDue({
			status: 'cared_for',
			startDate: '2024-12-20',
			held: ['2025-02-03']
		});
		expect(next).toEqual({ kind: 'cla_review', due: '2025-05-03', number: 2 });
		expect(heldInTimescale('2025-02-03', '2025-01-22')).toBe(false);
	});

	it('sorts held dates itself and does not change the input array', () => {
		const held = ['2025-10-10', '2025-01-20', '2025-04-15'];
		expect(nextMeetingDue({ status: 'cared_for', startDate: '2024-12-20', held })).toEqual({
			kind: 'cla_review',
			due: '2026-04-10',
			number: 4
		});
		expect(held).toEqual(['2025-10-10', '2025-01-20', '2025-04-15']);
	});

	it('clamps to the end of the month', () => {
		const due = (held: string[]) =>
			nextMeetingDue({ status: 'cared_for', startDate: '2024-05-01', held })?.due;
		expect(due(['2024-05-31'])).toBe('2024-08-31');
		expect(due(['2024-11-30'])).toBe('2025-02-28');
		expect(due(['2023-11-30'])).toBe('2024-02-29'); // leap year
		expect(due(['2024-05-31', '2024-08-31'])).toBe('2025-02-28');
		expect(due(['2027-05-31', '2027-08-31'])).toBe('2028-02-29'); // leap year
	});

	it('works from the last meeting held when there is no start date', () => {
		expect(nextMeetingDue({ status: 'cared_for', startDate: null, held: ['2025-01-20'] })).toEqual({
			kind: 'cla_review',
			due: '2025-04-20',
			number: 2
		});
		expect(
			nextMeetingDue({ status: 'cared_for', startDate: null, held: ['2025-04-15', '2025-01-20'] })
		).toEqual({ kind: 'cla_review', due: '2025-10-15', number: 3 });
	});

	it('rejects invalid dates', () => {
		expect(() => nextMeetingDue({ status: 'cared_for', startDate: '2025-02-29', held: [] })).toThrow(
			RangeError
		);
		expect(() =>
			nextMeetingDue({ status: 'cared_for', startDate: '2025-01-01', held: ['2025-1-20'] })
		).toThrow(RangeError);
	});

	it('refuses a start date whose count would run past the bank holiday data', () => {
		expect(() => nextMeetingDue({ status: 'cared_for', startDate: '2030-12-20', held: [] })).toThrow(
			RangeError
		);
	});
});

describe('nextMeetingDue: child protection plan', () => {
	it('returns null with no strategy discussion date and nothing held', () => {
		expect(nextMeetingDue({ status: 'cp_plan', startDate: null, held: [] })).toBeNull();
	});

	it('puts the initial conference 15 working days after the strategy discussion', () => {
		// Fri 20 Dec 2024: 23, 24, 27, 30, 31 Dec (5), 2, 3 Jan (7), 6–10 (12), 13, 14, 15 (15)
		expect(nextMeetingDue({ status: 'cp_plan', startDate: '2024-12-20', held: [] })).toEqual({
			kind: 'icpc',
			due: '2025-01-15',
			number: 1
		});
		// Fri 22 Mar 2024: 25–28 Mar (4), [Easter] 2–5 Apr (8), 8–12 (13), 15, 16 (15)
		expect(nextMeetingDue({ status: 'cp_plan', startDate: '2024-03-22', held: [] })).toEqual({
			kind: 'icpc',
			due: '2024-04-16',
			number: 1
		});
		// Thu 1 Sept 2022: 2, 5–9, 12–16 (11), [19 State Funeral] 20, 21, 22, 23 (15)
		expect(nextMeetingDue({ status: 'cp_plan', startDate: '2022-09-01', held: [] })?.due).toBe('2022-09-23');
	});

	it('follows the full sequence: ICPC, first review in 3 months, then every 6 months', () => {
		const startDate = '2024-12-20';
		const due = (held: string[]) => nextMeetingDue({ status: 'cp_plan', startDate, held });
		expect(due(['2025-01-14'])).toEqual({ kind: 'rcpc', due: '2025-04-14', number: 2 });
		expect(due(['2025-04-10', '2025-01-14'])).toEqual({
			kind: 'rcpc',
			due: '2025-10-10',
			number: 3
		});
		expect(due(['2025-01-14', '2025-04-10', '2025-10-08'])).toEqual({
			kind: 'rcpc',
			due: '2026-04-08',
			number: 4
		});
		expect(due(['2025-01-14', '2025-04-10', '2025-10-08', '2026-04-08'])).toEqual({
			kind: 'rcpc',
			due: '2026-10-08',
			number: 5
		});
	});

	it('clamps review dates to the end of the month', () => {
		const due = (held: string[]) => nextMeetingDue({ status: 'cp_plan', startDate: null, held })?.due;
		expect(due(['2023-11-30'])).toBe('2024-02-29');
		expect(due(['2024-11-30'])).toBe('2025-02-28');
		expect(due(['2024-05-31', '2024-08-31'])).toBe('2025-02-28');
	});

	it('works from the last conference held when there is no start date', () => {
		expect(nextMeetingDue({ status: 'cp_plan', startDate: null, held: ['2025-01-14'] })).toEqual({
			kind: 'rcpc',
			due: '2025-04-14',
			number: 2
		});
	});
});

describe('timescaleState', () => {
	const due = '2025-03-15';

	it('is overdue the day after the due date, scheduled or not', () => {
		expect(timescaleState({ due, today: '2025-03-16', nextScheduled: null })).toBe('overdue');
		expect(timescaleState({ due, today: '2025-03-16', nextScheduled: '2025-03-20' })).toBe('overdue');
		expect(timescaleState({ due, today: '2025-03-16', nextScheduled: '2025-03-14' })).toBe('overdue');
		expect(timescaleState({ due, today: '2025-06-01', nextScheduled: null })).toBe('overdue');
	});

	it('is due soon on the due date itself when nothing is scheduled', () => {
		expect(timescaleState({ due, today: due, nextScheduled: null })).toBe('due_soon');
	});

	it('is due soon exactly 14 days before, and on track 15 days before', () => {
		expect(timescaleState({ due, today: '2025-03-01', nextScheduled: null })).toBe('due_soon');
		expect(timescaleState({ due, today: '2025-02-28', nextScheduled: null })).toBe('on_track');
	});

	it('counts the 14 days across a year end and a leap day', () => {
		expect(timescaleState({ due: '2025-01-10', today: '2024-12-27', nextScheduled: null })).toBe('due_soon');
		expect(timescaleState({ due: '2025-01-10', today: '2024-12-26', nextScheduled: null })).toBe('on_track');
		expect(timescaleState({ due: '2024-03-10', today: '2024-02-25', nextScheduled: null })).toBe('due_soon');
		expect(timescaleState({ due: '2024-03-10', today: '2024-02-24', nextScheduled: null })).toBe('on_track');
	});

	it('is on track when a meeting is scheduled on or before the due date', () => {
		expect(timescaleState({ due, today: due, nextScheduled: due })).toBe('on_track');
		expect(timescaleState({ due, today: '2025-03-10', nextScheduled: '2025-03-15' })).toBe('on_track');
		expect(timescaleState({ due, today: '2025-03-10', nextScheduled: '2025-03-11' })).toBe('on_track');
		expect(timescaleState({ due, today: '2025-01-01', nextScheduled: '2025-03-01' })).toBe('on_track');
	});

	it('is scheduled late when the meeting is booked after the due date', () => {
		expect(timescaleState({ due, today: '2025-03-10', nextScheduled: '2025-03-16' })).toBe('scheduled_late');
		expect(timescaleState({ due, today: due, nextScheduled: '2025-03-16' })).toBe('scheduled_late');
		expect(timescaleState({ due, today: '2025-01-01', nextScheduled: '2025-04-01' })).toBe('scheduled_late');
	});
});

describe('heldInTimescale', () => {
	it('is true on or before the due date and false after', () => {
		expect(heldInTimescale('2025-01-21', '2025-01-22')).toBe(true);
		expect(heldInTimescale('2025-01-22', '2025-01-22')).toBe(true);
		expect(heldInTimescale('2025-01-23', '2025-01-22')).toBe(false);
		expect(heldInTimescale('2024-02-29', '2024-03-01')).toBe(true);
		expect(heldInTimescale('2025-01-01', '2024-12-31')).toBe(false);
	});
});
