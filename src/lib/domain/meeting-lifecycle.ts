/**
 * What may still happen to a meeting. Pure rules (no database, no SvelteKit): the meeting pages use
 * them to decide which forms to offer, the form actions and the meetings server module to refuse.
 *
 * A meeting whose start time has passed is part of the record: it counts as held for the
 * timescales, so it can no longer be moved, cancelled, or booked into the past.
 */

export interface MeetingTimes {
	startsAt: number;
	cancelledAt: number | null;
}

/** Why a meeting can no longer be moved or cancelled. */
export type MeetingLock = 'cancelled' | 'happened';

/** Why this meeting can no longer be moved or cancelled at `now`, or null if it still can. */
export function meetingLock(meeting: MeetingTimes, now: number): MeetingLock | null {
	if (meeting.cancelledAt !== null) return 'cancelled';
	if (meeting.startsAt <= now) return 'happened';
	return null;
}

/** A meeting may be moved or cancelled while it is not cancelled and has not started yet. */
export function mayChangeMeeting(meeting: MeetingTimes, now: number): boolean {
	return meetingLock(meeting, now) === null;
}

/** A meeting may be booked for, or moved to, an instant that is still to come (not now, not before). */
export function startAllowed(startsAt: number, now: number): boolean {
	return Number.isFinite(startsAt) && startsAt > now;
}
