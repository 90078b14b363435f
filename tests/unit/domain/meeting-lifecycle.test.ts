import { describe, expect, it } from 'vitest';
import { mayChangeMeeting, meetingLock, startAllowed } from '../../../src/lib/domain/meeting-lifecycle';
import { futureMeetingSchema } from '../../../src/lib/forms/staff';
import { londonInstant } from '../../../src/lib/domain/london-time';

const now = londonInstant('2026-06-10', '12:00');
const MINUTE = 60_000;

describe('may this meeting be moved or cancelled?', () => {
	it('yes while it is still to come', () => {
		expect(meetingLock({ startsAt: now + MINUTE, cancelledAt: null }, now)).toBeNull();
		expect(mayChangeMeeting({ startsAt: now + MINUTE, cancelledAt: null }, now)).toBe(true);
	});

	it('no once its start time has come: it has happened and is part of the record', () => {
		expect(meetingLock({ startsAt: now, cancelledAt: null }, now)).toBe('happened');
		expect(meetingLock({ startsAt: now - 180 * 86_400_000, cancelledAt: null }, now)).toBe('happened');
		expect(mayChangeMeeting({ startsAt: now - MINUTE, cancelledAt: null }, now)).toBe(false);
	});

	it('no once it was cancelled, even if it was still to come', () => {
		expect(meetingLock({ startsAt: now + MINUTE, cancelledAt: now - MINUTE }, now)).toBe('cancelled');
		expect(mayChangeMeeting({ startsAt: now + MINUTE, cancelledAt: now - MINUTE }, now)).toBe(false);
	});
});

describe('may a meeting be booked for, or moved to, this time?', () => {
	it('only a time still to come', () => {
		expect(startAllowed(now + MINUTE, now)).toBe(true);
		expect(startAllowed(now, now)).toBe(false);
		expect(startAllowed(now - MINUTE, now)).toBe(false);
		expect(startAllowed(Number.NaN, now)).toBe(false);
	});
});

describe('the meeting form at a given moment', () => {
	const form = (date: string, time: string) => ({
		kind: 'cla_review',
		date,
		time,
		venue: 'Family centre',
		mode: 'in_person'
	});
	const errorsOf = (date: string, time: string) => {
		const result = futureMeetingSchema(now).safeParse(form(date, time));
		const errors: Record<string, string> = {};
		// As parseForm does: the first message of each field.
		for (const issue of result.success ? [] : result.error.issues)
			errors[String(issue.path[0])] ??= issue.message;
		return errors;
	};

	it('accepts a later day, or later today', () => {
		expect(errorsOf('2026-12-10', '10:00')).toEqual({});
		expect(errorsOf('2026-06-10', '12:30')).toEqual({});
	});

	it('refuses a past date on the date field', () => {
		expect(errorsOf('2026-06-09', '16:00')).toEqual({ date: 'errors:meeting.datePast' });
		expect(errorsOf('2025-12-10', '10:00')).toEqual({ date: 'errors:meeting.datePast' });
	});

	it('refuses a time already gone today on the time field', () => {
		expect(errorsOf('2026-06-10', '11:59')).toEqual({ time: 'errors:meeting.timePast' });
		expect(errorsOf('2026-06-10', '12:00')).toEqual({ time: 'errors:meeting.timePast' });
	});

	it('gives the usual errors first, without crashing on an empty date or time', () => {
		expect(errorsOf('', '')).toMatchObject({
			date: 'errors:meeting.dateRequired',
			time: 'errors:meeting.timeRequired'
		});
		expect(errorsOf('2026-06-09', '')).toEqual({ time: 'errors:meeting.timeRequired' });
	});
});
