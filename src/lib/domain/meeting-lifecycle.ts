/**
 * What may still happen to a meeting. Pure rules (no database, no SvelteKit): the meeting pages use
 * them to decide which forms to offer, the form actions and the meetings server module to refuse.
 *
 * A meeting whose start time has passed, or that its IRO has written up, is part of the record: it
 * can no longer be moved or cancelled, and nothing is booked into the past. It counts as held for the
 * timescales only once its IRO records it as held (`reviewState`).
 */

export interface MeetingTimes {
	startsAt: number;
	cancelledAt: number | null;
	/** Set once the IRO wrote the meeting up (held or not held); absent or null before. */
	writtenUpAt?: number | null;
}

/** Why a meeting can no longer be moved or cancelled. */
export type MeetingLock = 'cancelled' | 'happened';

/** Why this meeting can no longer be moved or cancelled at `now`, or null if it still can. */
export function meetingLock(meeting: MeetingTimes, now: number): MeetingLock | null {
	if (meeting.cancelledAt !== null) return 'cancelled';
	if (meeting.startsAt <= now || (meeting.writtenUpAt ?? null) !== null) return 'happened';
	return null;
}

/** A meeting may be moved or cancelled while it is not cancelled, not written up and has not started yet. */
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

/** "Waiting to be written up": a meeting whose time has passed that its IRO has not yet recorded. */
export function waitingForWriteUp(meeting: MeetingRecord, now: number): boolean {
	return reviewState(meeting, now) === 'to_write_up';
}

export function reviewState(meeting: MeetingRecord, now: number): ReviewState {
	if (meeting.cancelledAt !== null) return 'cancelled';
	if (meeting.writtenUpAt !== null) return meeting.heldOn !== null ? 'held' : 'not_held';
	return meeting.startsAt <= now ? 'to_write_up' : 'upcoming';
}

/**
 * The dates the statutory timescales run from: the held date the IRO recorded for each meeting written
 * up as held. A meeting whose time has passed but is not written up yet, or was not held, does not count.
 */
export function heldDates(
	meetings: readonly (MeetingRecord & { heldOn: string | null })[],
	now: number
): string[] {
	return meetings.filter((m) => reviewState(m, now) === 'held').map((m) => m.heldOn as string);
}
