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

/**
 * Where a meeting is in its life, for the IRO and for everyone after it:
 * - upcoming: booked, still to come;
 * - cancelled;
 * - to_write_up: its time has passed and its IRO has not yet recorded what happened (never "held" by the clock);
 * - held: its IRO recorded it as held (timescales run from `heldOn`);
 * - not_held: its IRO recorded that it did not take place (the review is still owed).
 */
export const REVIEW_STATES = ['upcoming', 'cancelled', 'to_write_up', 'held', 'not_held'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface MeetingRecord extends MeetingTimes {
	heldOn: string | null;
	writtenUpAt: number | null;
}

export function reviewState(meeting: MeetingRecord, now: number): ReviewState {
	if (meeting.cancelledAt !== null) return 'cancelled';
	if (meeting.writtenUpAt !== null) return meeting.heldOn !== null ? 'held' : 'not_held';
	return meeting.startsAt <= now ? 'to_write_up' : 'upcoming';
}
