import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import { db, keptQuery, tables, write } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import type { Meeting } from './meetings';
import { followPictureVersion } from './consultation';
import { ageOn } from '$lib/domain/age';
import { londonDate } from '$lib/domain/dates';
import { nextMeetingDue, timescaleTags, type ChildStatus } from '$lib/domain/timescales';
import { heldDates, waitingForWriteUp } from '$lib/domain/meeting-lifecycle';

const { children, users, childCarers, carers, pastAllocations } = tables;

export type Child = typeof children.$inferSelect;

export function createChild(input: {
	iroId: string;
	fullName: string;
	preferredName: string;
	dateOfBirth: string;
	status: ChildStatus;
	startDate: string;
	languages: string;
	communicationNeeds: string;
}): string {
	const id = newId();
	write((tx) =>
		tx
			.insert(children)
			.values({ id, ...input, preferredName: input.preferredName || null, createdAt: Date.now() })
			.run()
	);
	return id;
}

/**
 * "Use the picture version" (pictures and simpler words, whatever the child's age) on or off, by the
 * child's IRO on the record or by the child themselves; audited. An unsent My say follows it.
 */
export function setPictureVersion(child: Child, on: boolean, byUserId: string, now = Date.now()): void {
	if (child.pictureVersion === on) return;
	write((tx) => {
		tx.update(children).set({ pictureVersion: on }).where(eq(children.id, child.id)).run();
		recordAudit(
			{
				userId: byUserId,
				action: on ? 'pictures.on' : 'pictures.off',
				subjectId: child.id,
				childId: child.id
			},
			now,
			tx
		);
		followPictureVersion({ ...child, pictureVersion: on }, now, tx);
	});
}

/**
 * Gives the child to this IRO (or none); `byUserId`, who did (audited, with the IRO's id). The IRO
 * they had until today is kept in `past_allocations` (the reports' caseload trend).
 */
export function allocateChild(
	childId: string,
	iroId: string | null,
	byUserId: string | null = null,
	now = Date.now()
): void {
	write((tx) => {
		const before = tx.select({ iroId: children.iroId }).from(children).where(eq(children.id, childId)).get();
		if (before && before.iroId !== iroId) {
			const since = tx
				.select({ on: max(pastAllocations.untilOn) })
				.from(pastAllocations)
				.where(eq(pastAllocations.childId, childId))
				.get();
			tx.insert(pastAllocations)
				.values({ childId, iroId: before.iroId, fromOn: since?.on ?? null, untilOn: londonDate(now) })
				.run();
		}
		tx.update(children).set({ iroId }).where(eq(children.id, childId)).run();
		if (byUserId)
			recordAudit(
				{ userId: byUserId, action: 'child.allocated', subjectId: childId, childId, detail: iroId ?? '' },
				now,
				tx
			);
	});
}

export function childrenOfCarerUser(userId: string): Child[] {
	return (
		db()
			.select({ child: children })
			.from(children)
			.innerJoin(childCarers, eq(childCarers.childId, children.id))
			.innerJoin(carers, eq(carers.id, childCarers.carerId))
			// A closed record is no longer the carer's to see (access.ts).
			.where(and(eq(carers.userId, userId), isNull(children.closedAt)))
			.orderBy(asc(children.fullName))
			.all()
			.map((r) => r.child)
	);
}

/** What the timescales of one child run from: their meetings, or the same counted in SQL. */
export interface MeetingSummary {
	/** Held dates of the reviews written up as held (only how many, and the last, matter). */
	held: string[];
	/** How many were held, when `held` gives only the last (and one before it, if any). */
	heldCount?: number;
	/** Meetings whose time has passed, waiting to be written up. */
	toWriteUp: number;
	/** The next live meeting. */
	next: { id: string; startsAt: number } | null;
}

function summaryOf(meetings: Meeting[], now: number): MeetingSummary {
	const live = meetings.filter((m) => m.cancelledAt === null);
	return {
		held: heldDates(live, now),
		toWriteUp: live.filter((m) => waitingForWriteUp(m, now)).length,
		next: live.find((m) => m.startsAt > now) ?? null
	};
}

/**
 * What the caseload shows for one child: age, next meeting, due date and whether it is in time, and how
 * many meetings wait to be written up. The timescales run from the held dates the IRO recorded: a
 * meeting whose time has passed counts only once written up as held.
 */
export function timescaleOf(child: Child, meetings: Meeting[], now: number) {
	return timescaleOfSummary(child, summaryOf(meetings, now), now);
}

function timescaleOfSummary<N extends MeetingSummary['next']>(
	child: Child,
	{ held, heldCount, toWriteUp, next }: MeetingSummary & { next: N },
	now: number
) {
	const today = londonDate(now);
	const dueFromHeld = nextMeetingDue({ status: child.status, startDate: child.startDate, held });
	const due =
		dueFromHeld && heldCount !== undefined ? { ...dueFromHeld, number: heldCount + 1 } : dueFromHeld;
	// The tags the caseload shows (worst first); `state` is the worst, used to sort.
	const tags = due
		? timescaleTags({
				due: due.due,
				today,
				nextScheduled: next ? londonDate(next.startsAt) : null
			})
		: [];
	return { next, due, state: tags[0] ?? null, tags, toWriteUp };
}

/**
 * An IRO's caseload (or, with null, every child), sorted so that what needs attention comes first.
 * One query: the meetings are counted per child in SQL (held, last held, to write up, the next), and an
 * unread urgent message is read off the child's conversations' counts; no list of ids is bound, whatever the
 * size of the council.
 */
export function caseload(iroId: string | null, now = Date.now()) {
	const { meetings, conversations } = tables;
	const live = sql`${meetings.cancelledAt} is null`;
	const held = sql`${live} and ${meetings.writtenUpAt} is not null and ${meetings.heldOn} is not null`;
	const query = db()
		.select({
			child: children,
			iroName: users.displayName,
			heldCount: sql<number>`coalesce(sum(case when ${held} then 1 else 0 end), 0)`,
			lastHeld: sql<string | null>`max(case when ${held} then ${meetings.heldOn} end)`,
			toWriteUp: sql<number>`coalesce(sum(case when ${live} and ${meetings.writtenUpAt} is null and ${meetings.startsAt} <= ${now} then 1 else 0 end), 0)`,
			nextStartsAt: sql<
				number | null
			>`min(case when ${live} and ${meetings.startsAt} > ${now} then ${meetings.startsAt} end)`,
			nextId: sql<
				string | null
			>`(select n.id from ${meetings} n where n.child_id = ${children.id} and n.cancelled_at is null and n.starts_at > ${now} order by n.starts_at limit 1)`,
			urgent: sql<number>`exists (select 1 from ${conversations} where ${conversations.childId} = ${children.id} and ${conversations.urgentUnreadByStaff} > 0)`
		})
		.from(children)
		.leftJoin(users, eq(users.id, children.iroId))
		.leftJoin(meetings, eq(meetings.childId, children.id));
	const rows = (iroId ? query.where(eq(children.iroId, iroId)) : query)
		.groupBy(children.id)
		.orderBy(asc(children.fullName))
		.all();
	const today = londonDate(now);
	const urgency = { overdue: 0, scheduled_late: 1, due_soon: 2, on_track: 3 } as const;
	return rows
		.map(({ child, iroName, heldCount, lastHeld, toWriteUp, nextStartsAt, nextId, urgent }) => ({
			child,
			iroName,
			age: ageOn(child.dateOfBirth, today),
			hasAccount: child.userId !== null,
			urgentMessage: urgent === 1,
			...timescaleOfSummary(
				child,
				{
					// The next due date depends only on whether none, one or more were held, and the last date.
					held: lastHeld ? (heldCount > 1 ? [lastHeld, lastHeld] : [lastHeld]) : [],
					heldCount,
					toWriteUp,
					next: nextId && nextStartsAt !== null ? { id: nextId, startsAt: nextStartsAt } : null
				},
				now
			)
		}))
		.sort(
			(a, b) =>
				Number(b.urgentMessage) - Number(a.urgentMessage) ||
				(a.state ? urgency[a.state] : 4) - (b.state ? urgency[b.state] : 4)
		);
}

/**
 * What a caseload table (CaseloadTable) shows of a row: a page sends this, not the child's whole record.
 */
export function caseloadTableRow(row: ReturnType<typeof caseload>[number]) {
	const { id, fullName, preferredName, status } = row.child;
	const { iroName, age, hasAccount, urgentMessage, next, due, state, tags, toWriteUp } = row;
	return {
		child: { id, fullName, preferredName, status },
		iroName,
		age,
		hasAccount,
		urgentMessage,
		next,
		due: due && { due: due.due, kind: due.kind },
		state,
		tags,
		toWriteUp
	};
}

/**
 * The children an inbox can be filtered by: an IRO's caseload (open and closed), or for a manager
 * (null) only the child asked for, if there is one: never the whole council.
 */
export function childrenToFilter(
	iroId: string | null,
	wanted: string | null
): { id: string; name: string }[] {
	if (iroId) return caseloadNamesQuery().all({ iroId });
	return wanted ? childNameQuery().all({ id: wanted }) : [];
}

const caseloadNamesQuery = keptQuery((db) =>
	db
		.select({ id: children.id, name: children.fullName })
		.from(children)
		.where(eq(children.iroId, sql.placeholder('iroId')))
		.orderBy(asc(children.fullName))
		.prepare()
);

const childNameQuery = keptQuery((db) =>
	db
		.select({ id: children.id, name: children.fullName })
		.from(children)
		.where(eq(children.id, sql.placeholder('id')))
		.prepare()
);
