import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import type { MeetingKind } from '$lib/domain/timescales';
import { carryOverPreparation } from './preparation';

const { meetings } = tables;

export type Meeting = typeof meetings.$inferSelect;
export type MeetingMode = Meeting['mode'];

export function scheduleMeeting(input: {
	childId: string;
	kind: MeetingKind;
	startsAt: number;
	venue: string;
	mode: MeetingMode;
}): string {
	const id = newId();
	write((tx) => {
		tx.insert(meetings)
			.values({ id, ...input, createdAt: Date.now() })
			.run();
		carryOverPreparation(input.childId);
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

/** Moves a meeting (new date, time, place or way of taking part): everything prepared stays with it. */
export function moveMeeting(
	meetingId: string,
	changes: { startsAt: number; venue: string; mode: MeetingMode; kind: MeetingKind }
) {
	write((tx) => tx.update(meetings).set(changes).where(eq(meetings.id, meetingId)).run());
}

/** Cancels a meeting; what the child and carers prepared moves to the next meeting when there is one. */
export function cancelMeeting(meeting: Meeting, now = Date.now()) {
	write((tx) => {
		tx.update(meetings).set({ cancelledAt: now }).where(eq(meetings.id, meeting.id)).run();
		carryOverPreparation(meeting.childId, now);
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
