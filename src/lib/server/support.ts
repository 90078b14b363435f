import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { countsOf, db, tables, write, keptQuery, rowsWhere } from './db';
import { newId } from './ids';
import { meetingToPrepare, type Meeting } from './meetings';
import { IRO_SUPPORT_STATUSES } from '$lib/domain/pack';
import type { SupportKind, SupportStatus } from '$lib/forms/prepare';

/**
 * A child asking for an advocate or an independent visitor: something for their IRO to act on,
 * whose progress the child can follow. All SQL for support_requests lives here.
 */
const { supportRequests, meetings } = tables;

export type SupportRequest = typeof supportRequests.$inferSelect;
export type { SupportKind, SupportStatus };

/** Requests the IRO still has to act on. */
export const OPEN_STATUSES = ['requested', 'inProgress'] as const satisfies readonly SupportStatus[];

export function isOpenStatus(status: SupportStatus): boolean {
	return (OPEN_STATUSES as readonly SupportStatus[]).includes(status);
}

/** All of a child's requests, newest first. */
export function supportRequestsOf(childId: string): SupportRequest[] {
	return supportRequestsQuery().all({ value: childId });
}

const supportRequestsQuery = rowsWhere(
	supportRequests,
	supportRequests.childId,
	desc(supportRequests.createdAt)
);

/** A child's requests that wait for the IRO (requested or being arranged), newest first. */
export function openSupportRequests(childId: string): SupportRequest[] {
	return db()
		.select()
		.from(supportRequests)
		.where(and(eq(supportRequests.childId, childId), inArray(supportRequests.status, [...OPEN_STATUSES])))
		.orderBy(desc(supportRequests.createdAt))
		.all();
}

/**
 * The requests a meeting's pack shows, newest first: those the child made for this meeting, and those
 * still open that were made before it, for an earlier meeting or when none was booked (still waiting
 * for the IRO, so they stay in sight). A request made for a later meeting never shows here.
 */
export function supportRequestsForMeeting(
	meeting: Pick<Meeting, 'id' | 'childId' | 'startsAt'>
): SupportRequest[] {
	return forMeetingQuery().all({
		childId: meeting.childId,
		meetingId: meeting.id,
		startsAt: meeting.startsAt
	});
}

const forMeetingQuery = keptQuery((db) => {
	const childId = sql.placeholder('childId');
	const startsAt = sql.placeholder('startsAt');
	const earlier = db
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.childId, childId), lt(meetings.startsAt, startsAt)));
	return db
		.select()
		.from(supportRequests)
		.where(
			and(
				eq(supportRequests.childId, childId),
				or(
					eq(supportRequests.meetingId, sql.placeholder('meetingId')),
					and(
						inArray(supportRequests.status, [...OPEN_STATUSES]),
						lt(supportRequests.createdAt, startsAt),
						or(isNull(supportRequests.meetingId), inArray(supportRequests.meetingId, earlier))
					)
				)
			)
		)
		.orderBy(desc(supportRequests.createdAt))
		.prepare();
});

/** How many open requests each child has (for the caseload); children without any are left out. */
export const openSupportCounts = countsOf(
	supportRequests,
	supportRequests.childId,
	inArray(supportRequests.status, [...OPEN_STATUSES])
);

export function supportRequestById(requestId: string): SupportRequest | undefined {
	if (!requestId) return undefined;
	return db().select().from(supportRequests).where(eq(supportRequests.id, requestId)).get();
}

export type RequestResult = { ok: true; id: string } | { ok: false; reason: 'alreadyOpen' };

/**
 * Asks for support, for the meeting the child is getting ready for (none if nothing is booked);
 * refused while a request of the same kind is still open.
 */
export function requestSupport(
	childId: string,
	kind: SupportKind,
	note: string,
	now = Date.now()
): RequestResult {
	return write((tx) => {
		const open = tx
			.select({ id: supportRequests.id })
			.from(supportRequests)
			.where(
				and(
					eq(supportRequests.childId, childId),
					eq(supportRequests.kind, kind),
					inArray(supportRequests.status, [...OPEN_STATUSES])
				)
			)
			.get();
		if (open) return { ok: false, reason: 'alreadyOpen' } as const;
		const id = newId();
		const meetingId = meetingToPrepare(childId, now)?.id ?? null;
		tx.insert(supportRequests)
			.values({ id, childId, meetingId, kind, status: 'requested', note, createdAt: now, updatedAt: now })
			.run();
		return { ok: true, id } as const;
	});
}

/** The child changed their mind: only their own, still open, request. */
export function withdrawSupport(childId: string, requestId: string, now = Date.now()): boolean {
	const result = write((tx) =>
		tx
			.update(supportRequests)
			.set({ status: 'withdrawn', updatedAt: now })
			.where(
				and(
					eq(supportRequests.id, requestId),
					eq(supportRequests.childId, childId),
					inArray(supportRequests.status, [...OPEN_STATUSES])
				)
			)
			.run()
	);
	return result.changes > 0;
}

/**
 * For the IRO (check access to the child first, e.g. with supportRequestById + requireChild):
 * moves a request on. A request the child withdrew stays withdrawn, and a closed one is not reopened
 * while another of the same kind is open. Returns whether it changed.
 */
export function setSupportStatus(
	requestId: string,
	status: (typeof IRO_SUPPORT_STATUSES)[number],
	now = Date.now()
): boolean {
	if (!(IRO_SUPPORT_STATUSES as readonly string[]).includes(status)) return false;
	const current = supportRequestById(requestId);
	if (!current || current.status === 'withdrawn') return false;
	if (isOpenStatus(status) && !isOpenStatus(current.status)) {
		const other = openSupportRequests(current.childId).find((r) => r.kind === current.kind);
		if (other) return false;
	}
	write((tx) =>
		tx.update(supportRequests).set({ status, updatedAt: now }).where(eq(supportRequests.id, requestId)).run()
	);
	return true;
}

/** The child's requests for support, newest first. */
export function supportOf(childId: string) {
	return supportRequestsOf(childId).map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		note: r.note,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt
	}));
}

/**
 * The requests one meeting's pack shows: those made for it, and those still open from before it.
 * `earlier` marks one not made for this meeting.
 */
export function supportForMeeting(meeting: Meeting) {
	return supportRequestsForMeeting(meeting).map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		note: r.note,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt,
		earlier: r.meetingId !== meeting.id
	}));
}

/** The IRO moves a request on (requested → in progress → arranged or declined). False if not this child's. */
export function updateSupportStatus(
	childId: string,
	requestId: string,
	status: (typeof IRO_SUPPORT_STATUSES)[number],
	now = Date.now()
): boolean {
	if (supportRequestById(requestId)?.childId !== childId) return false;
	return setSupportStatus(requestId, status, now);
}
