import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { rowOfChild, db, keptQuery, rowsWhere, tables, write } from './db';
import { newId } from './ids';
import type { MeetingKind } from '$lib/domain/timescales';
import { mayChangeMeeting, startAllowed } from '$lib/domain/meeting-lifecycle';
import { carryOverPreparation } from './preparation';
import { londonDate } from '$lib/domain/dates';
import { tellOfChange } from './meeting-notices';
import { deliverDue } from './notify';
import { recordAudit } from './audit';

const { meetings } = tables;

import type { Meeting } from './db/schema';

export type { Meeting };
export type MeetingMode = Meeting['mode'];

export type NewMeeting = {
	childId: string;
	kind: MeetingKind;
	startsAt: number;
	venue: string;
	/** The language of the page the venue was written on (null: not known). */
	venueLang?: string | null;
	mode: MeetingMode;
};

/**
 * Records a meeting as given, past or future (the demo council's history, tests). Staff booking a
 * meeting goes through `bookMeeting`, which refuses a time that has passed. `byUserId`: who booked it
 * (audited).
 */
export function scheduleMeeting(input: NewMeeting, now = Date.now(), byUserId: string | null = null): string {
	const id = newId();
	write((tx) => {
		tx.insert(meetings)
			.values({ id, ...input, createdAt: now })
			.run();
		if (byUserId)
			recordAudit(
				{ userId: byUserId, action: 'meeting.booked', subjectId: id, childId: input.childId },
				now,
				tx
			);
		carryOverPreparation(input.childId, meetingToPrepare(input.childId, now));
	});
	return id;
}

/** One meeting of this child (404 territory is the caller's: it returns undefined otherwise). */
export function meetingOfChild(childId: string, meetingId: string): Meeting | undefined {
	return rowOfChild(meetings, childId, meetingId);
}

/** Books a meeting for a child; refused ('past') when its start time is not still to come. */
export function bookMeeting(
	input: NewMeeting,
	now = Date.now(),
	byUserId: string | null = null
): { ok: true; id: string } | { ok: false; reason: 'past' } {
	if (!startAllowed(input.startsAt, now)) return { ok: false, reason: 'past' };
	return { ok: true, id: scheduleMeeting(input, now, byUserId) };
}

/** What became of a request to move or cancel a meeting. */
export type ChangeResult = 'done' | 'locked' | 'past';

/**
 * Only a meeting not cancelled, not yet started and not written up may change: the same rule, in SQL,
 * for the update.
 */
function stillChangeable(meetingId: string, now: number) {
	return and(
		eq(meetings.id, meetingId),
		isNull(meetings.cancelledAt),
		isNull(meetings.writtenUpAt),
		gt(meetings.startsAt, now)
	);
}

/**
 * Moves a meeting (new date, time, place or way of taking part): everything prepared stays with it.
 * Refused when the meeting was cancelled, has started or was written up ('locked'), or the new time has
 * passed ('past'). When something changed, the child is told (home page, messages) and so are their
 * linked carers (email); `byUserId` is who moved it.
 */
export function moveMeeting(
	meetingId: string,
	changes: {
		startsAt: number;
		venue: string;
		venueLang?: string | null;
		mode: MeetingMode;
		kind: MeetingKind;
	},
	now = Date.now(),
	byUserId: string | null = null
): ChangeResult {
	if (!startAllowed(changes.startsAt, now)) return 'past';
	const result = write((tx) => {
		const before = tx.select().from(meetings).where(stillChangeable(meetingId, now)).get();
		if (!before) return 'locked';
		// The venue keeps the language it was written in unless its words changed.
		const venueLang = before.venue === changes.venue ? before.venueLang : (changes.venueLang ?? null);
		tx.update(meetings)
			.set({ ...changes, venueLang })
			.where(eq(meetings.id, meetingId))
			.run();
		if (byUserId)
			recordAudit(
				{ userId: byUserId, action: 'meeting.moved', subjectId: meetingId, childId: before.childId },
				now,
				tx
			);
		const changed =
			before.startsAt !== changes.startsAt || before.venue !== changes.venue || before.mode !== changes.mode;
		if (changed)
			tellOfChange(tx, { meeting: before, kind: 'moved', toStartsAt: changes.startsAt, byUserId, now });
		return 'done';
	});
	if (result === 'done') void deliverDue();
	return result;
}

/**
 * Cancels a meeting that has not started; what the child and carers prepared moves to the next meeting
 * when there is one, and the child and their linked carers are told. A meeting already cancelled, or
 * that has started or was written up, stays as it is ('locked').
 */
export function cancelMeeting(
	meeting: Meeting,
	now = Date.now(),
	byUserId: string | null = null
): ChangeResult {
	if (!mayChangeMeeting(meeting, now)) return 'locked';
	const result = write((tx) => {
		const before = tx.select().from(meetings).where(stillChangeable(meeting.id, now)).get();
		if (!before) return 'locked';
		tx.update(meetings).set({ cancelledAt: now }).where(eq(meetings.id, meeting.id)).run();
		if (byUserId)
			recordAudit(
				{ userId: byUserId, action: 'meeting.cancelled', subjectId: meeting.id, childId: meeting.childId },
				now,
				tx
			);
		carryOverPreparation(meeting.childId, meetingToPrepare(meeting.childId, now));
		tellOfChange(tx, { meeting: before, kind: 'cancelled', toStartsAt: null, byUserId, now });
		return 'done' as const;
	});
	if (result === 'done') void deliverDue();
	return result;
}

export function meetingsOfChild(childId: string): Meeting[] {
	return meetingsQuery().all({ childId });
}

const meetingsQuery = keptQuery((db) =>
	db
		.select()
		.from(meetings)
		.where(eq(meetings.childId, sql.placeholder('childId')))
		.orderBy(asc(meetings.startsAt))
		.prepare()
);

/* ---------- Which meeting a child is getting ready for ---------- */

/** The child's next meeting that has not started and is not cancelled; null if none is booked. */
export function meetingToPrepare(childId: string, now = Date.now()): Meeting | null {
	return nextMeetingQuery().get({ childId, now }) ?? null;
}

const nextMeetingQuery = keptQuery((db) =>
	db
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.childId, sql.placeholder('childId')),
				gt(meetings.startsAt, sql.placeholder('now')),
				isNull(meetings.cancelledAt)
			)
		)
		.orderBy(asc(meetings.startsAt))
		.limit(1)
		.prepare()
);

/** What was prepared can still be changed until the meeting starts. */
export function isOpen(meeting: Pick<Meeting, 'startsAt' | 'cancelledAt'>, now = Date.now()): boolean {
	return meeting.cancelledAt === null && meeting.startsAt > now;
}

/**
 * The meeting a child's preparation pages are about: the next meeting (open for changes) or, once
 * it has started, today's meeting (read-only, so a chairing child can still see their running
 * order); null when there is no meeting to show.
 */
export function meetingForPreparing(
	childId: string,
	now = Date.now()
): { meeting: Meeting; open: boolean } | null {
	const next = meetingToPrepare(childId, now);
	if (next) return { meeting: next, open: true };
	const today = londonDate(now);
	const started = meetingsOfChild(childId)
		.filter((m) => m.cancelledAt === null && m.startsAt <= now && londonDate(m.startsAt) === today)
		.pop();
	return started ? { meeting: started, open: isOpen(started, now) } : null;
}

/** Has this meeting of this child started (and not been cancelled)? Then what was prepared is read-only. */
export function hasStarted(childId: string, meetingId: string, now = Date.now()): boolean {
	const meeting = meetingOfChild(childId, meetingId);
	return Boolean(meeting && meeting.cancelledAt === null && meeting.startsAt <= now);
}

/** The hidden field every "before the meeting" form carries: the meeting the page was showing. */
export const SHOWN_MEETING_FIELD = 'meetingId';

/**
 * The meeting a posted "before the meeting" form may still change: the child's meeting to prepare,
 * unless the page was showing a meeting that has started since (a page left open until the meeting
 * starts must not change anything after it). A moved or cancelled meeting's preparation has followed
 * the child to their next meeting, so the form goes there. Null when nothing may change.
 */
export function meetingForForm(childId: string, form: FormData, now = Date.now()): Meeting | null {
	const shown = form.get(SHOWN_MEETING_FIELD);
	if (typeof shown === 'string' && shown && hasStarted(childId, shown, now)) return null;
	return meetingToPrepare(childId, now);
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

export function meetingById(meetingId: string): Meeting | undefined {
	return meetingByIdQuery().get({ value: meetingId });
}

const meetingByIdQuery = rowsWhere(meetings, meetings.id);
