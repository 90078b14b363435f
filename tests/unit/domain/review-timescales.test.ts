import { describe, expect, it } from 'vitest';
import { heldDates, reviewState, meetingLock } from '../../../src/lib/domain/meeting-lifecycle';
import { nextMeetingDue, timescaleState } from '../../../src/lib/domain/timescales';
import { londonInstant } from '../../../src/lib/domain/london-time';

/**
 * The statutory timescales run from the date the IRO recorded the review as held, never from the
 * booking's start time, and a review that was not held (or is not written up yet) does not count.
 */
const at = (date: string, time = '10:00') => londonInstant(date, time);

function meeting(booked: string, record: { heldOn?: string; notHeld?: boolean; writtenUp?: string } = {}) {
	const written = record.heldOn !== undefined || record.notHeld;
	return {
		startsAt: at(booked),
		cancelledAt: null,
		heldOn: record.heldOn ?? null,
		writtenUpAt: written ? at(record.writtenUp ?? record.heldOn ?? booked, '17:00') : null
	};
}

const caredFor = (held: string[]) => nextMeetingDue({ status: 'cared_for', startDate: '2026-01-05', held });
const protection = (held: string[]) => nextMeetingDue({ status: 'cp_plan', startDate: '2026-03-26', held });

describe('timescales from the recorded held date', () => {
	it('a meeting whose time has passed but is not written up does not count (never held by the clock)', () => {
		const now = at('2026-03-01');
		const waiting = meeting('2026-02-02');
		expect(reviewState(waiting, now)).toBe('to_write_up');
		expect(heldDates([waiting], now)).toEqual([]);
		// Still owed from the start date: 20 working days after 5 January 2026.
		expect(caredFor(heldDates([waiting], now))).toEqual({ kind: 'cla_review', due: '2026-02-02', number: 1 });
		expect(timescaleState({ due: '2026-02-02', today: '2026-03-01', nextScheduled: null })).toBe('overdue');
	});

	it('recorded late: the clock runs from the day it was held, not the day it was written up', () => {
		const now = at('2026-04-20');
		const lateWriteUp = meeting('2026-02-02', { heldOn: '2026-02-02', writtenUp: '2026-04-17' });
		expect(heldDates([lateWriteUp], now)).toEqual(['2026-02-02']);
		expect(caredFor(heldDates([lateWriteUp], now))).toEqual({
			kind: 'cla_review',
			due: '2026-05-02',
			number: 2
		});
	});

	it('held on a different day from the booking: the held date counts', () => {
		const now = at('2026-03-01');
		const moved = meeting('2026-01-29', { heldOn: '2026-02-03' });
		expect(heldDates([moved], now)).toEqual(['2026-02-03']);
		expect(caredFor(heldDates([moved], now))?.due).toBe('2026-05-03');
	});

	it('not held: it does not count, and the review stays overdue', () => {
		const now = at('2026-03-01');
		const notHeld = meeting('2026-01-29', { notHeld: true });
		expect(reviewState(notHeld, now)).toBe('not_held');
		expect(heldDates([notHeld], now)).toEqual([]);
		const due = caredFor(heldDates([notHeld], now))!;
		expect(due.number).toBe(1);
		expect(timescaleState({ due: due.due, today: '2026-03-01', nextScheduled: null })).toBe('overdue');
		// With an earlier review held, the next one stays owed from that one.
		const first = meeting('2025-08-01', { heldOn: '2025-08-01' });
		expect(caredFor(heldDates([first, notHeld], now))).toEqual({
			kind: 'cla_review',
			due: '2025-11-01',
			number: 2
		});
	});

	it('child protection: the review conference is due 3 months after the held conference, then 6', () => {
		const now = at('2026-12-01');
		const icpc = meeting('2026-04-14', { heldOn: '2026-04-15' });
		expect(protection(heldDates([icpc], now))).toEqual({ kind: 'rcpc', due: '2026-07-15', number: 2 });
		const rcpc = meeting('2026-07-10', { heldOn: '2026-07-10' });
		expect(protection(heldDates([icpc, rcpc], now))).toEqual({ kind: 'rcpc', due: '2027-01-10', number: 3 });
		// A review conference whose time has passed but is not written up keeps the 3-month clock.
		const waiting = meeting('2026-07-10');
		expect(protection(heldDates([icpc, waiting], now))?.due).toBe('2026-07-15');
	});

	it('across a bank holiday: booked before Easter, held after it, the clock runs from the held day', () => {
		// Strategy discussion Thursday 26 March 2026: 15 working days, skipping Good Friday (3 April)
		// and Easter Monday (6 April), puts the initial conference due on 20 April.
		expect(protection([])).toEqual({ kind: 'icpc', due: '2026-04-20', number: 1 });
		const now = at('2026-05-01');
		// Booked for Thursday 2 April, held on Tuesday 7 April, after the Easter bank holidays.
		const icpc = meeting('2026-04-02', { heldOn: '2026-04-07' });
		expect(heldDates([icpc], now)).toEqual(['2026-04-07']);
		expect(protection(heldDates([icpc], now))).toEqual({ kind: 'rcpc', due: '2026-07-07', number: 2 });
	});

	it('a cancelled meeting never counts, even with a held date', () => {
		const now = at('2026-03-01');
		const cancelled = { ...meeting('2026-02-02', { heldOn: '2026-02-02' }), cancelledAt: at('2026-01-20') };
		expect(heldDates([cancelled], now)).toEqual([]);
	});
});

describe('a written-up meeting is part of the record', () => {
	it('cannot be moved or cancelled, even if its time were still to come', () => {
		const now = at('2026-03-01');
		expect(meetingLock({ startsAt: at('2026-03-05'), cancelledAt: null, writtenUpAt: now }, now)).toBe(
			'happened'
		);
		expect(meetingLock({ startsAt: at('2026-03-05'), cancelledAt: null, writtenUpAt: null }, now)).toBeNull();
	});
});
