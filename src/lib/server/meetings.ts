import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import type { MeetingKind } from '$lib/domain/timescales';
import { mayChangeMeeting, startAllowed } from '$lib/domain/meeting-lifecycle';
import { carryOverPreparation } from './preparation';

const { meetings } = tables;

export type Meeting = typeof meetings.$inferSelect;
export type MeetingMode = Meeting['mode'];

export type NewMeeting = {
	childId: string;
	kind: MeetingKind;
	startsAt: number;
	venue: string;
	mode: MeetingMode;
};

/**
 * Records a meeting as given, past or future (the demo council's history, tests). Staff booking a
 * meeting goes through `bookMeeting`, which refuses a time that has passed.
 */
export function scheduleMeeting(input: NewMeeting, now = Date.now()): string {
	const id = newId();
	write((tx) => {
		tx.insert(meetings)
			.values({ id, ...input, createdAt: now })
			.run();
		carryOverPreparation(input.childId, now);
	});
	return id;
}

/** One meeting of this child (404 territory is the caller's: it returns undefined otherwise). */
export function meetingOfChild(childId: string, meetingId: string): Meeting | undefined {
	return db()
		.select()
		.from(meetings)
		.where(and(eq(meetings.id, meetingId), eq(meetings.childId, childId)))
		.get();
}

/** Books a meeting for a child; refused ('past') when its start time is not still to come. */
export function bookMeeting(
	input: NewMeeting,
	now = Date.now()
): { ok: true; id: string } | { ok: false; reason: 'past' } {
	if (!startAllowed(input.startsAt, now)) return { ok: false, reason: 'past' };
	return { ok: true, id: scheduleMeeting(input, now) };
}

/** What became of a request to move or cancel a meeting. */
export type ChangeResult = 'done' | 'locked' | 'past';

/** Only a meeting not cancelled and not yet started may change: the same rule, in SQL, for the update. */
function stillChangeable(meetingId: string, now: number) {
	return and(eq(meetings.id, meetingId), isNull(meetings.cancelledAt), gt(meetings.startsAt, now));
}

/**
 * Moves a meeting (new date, time, place or way of taking part): everything prepared stays with it.
 * Refused when the meeting was cancelled or has started ('locked'), or the new time has passed ('past').
 */
export function moveMeeting(
	meetingId: string,
	changes: { startsAt: number; venue: string; mode: MeetingMode; kind: MeetingKind },
	now = Date.now()
): ChangeResult {
	if (!startAllowed(changes.startsAt, now)) return 'past';
	const result = write((tx) => tx.update(meetings).set(changes).where(stillChangeable(meetingId, now)).run());
	return result.changes > 0 ? 'done' : 'locked';
}

/**
 * Cancels a meeting that has not started; what the child and carers prepared moves to the next meeting
 * when there is one. A meeting already cancelled, or that has started, stays as it is ('locked').
 */
export function cancelMeeting(meeting: Meeting, now = Date.now()): ChangeResult {
	if (!mayChangeMeeting(meeting, now)) return 'locked';
	return write((tx) => {
		const result = tx
			.update(meetings)
			.set({ cancelledAt: now })
			.where(stillChangeable(meeting.id, now))
			.run();
		if (result.changes === 0) return 'locked';
		carryOverPreparation(meeting.childId, now);
		return 'done';
	});
}

export function meetingsOfChild(childId: string): Meeting[] {
	return db()
		.select()
		.from(meetings)
		.where(eq(meetings.childId, childId))
		.orderBy(asc(meetings.startsAt))
		.all();
}

export function nextMeeting(childId: string, now = Date.now()): Meeting | undefined {
	return db()
		.select()
		.from(meetings)
		.where(and(eq(meetings.childId, childId), gt(meetings.startsAt, now), isNull(meetings.cancelledAt)))
		.orderBy(asc(meetings.startsAt))
		.get();
}

/** Every meeting of these children, oldest first, in one query. */
export function meetingsOfChildren(childIds: string[]): Map<string, Meeting[]> {
	const byChild = new Map<string, Meeting[]>();
	if (!childIds.length) return byChild;
	const rows = db()
		.select()
		.from(meetings)
		.where(inArray(meetings.childId, childIds))
		.orderBy(asc(meetings.startsAt))
		.all();
	for (const row of rows) {
		const list = byChild.get(row.childId) ?? [];
		list.push(row);
		byChild.set(row.childId, list);
	}
	return byChild;
}
