import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import { meetingsOfChildren, type Meeting } from './meetings';
import { childrenWithUrgent } from './messages';
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

/** Whether the child with this account uses the picture version (false when they have no record). */
export function pictureVersionOfUser(userId: string): boolean {
	const row = db()
		.select({ on: children.pictureVersion })
		.from(children)
		.where(eq(children.userId, userId))
		.get();
	return row?.on ?? false;
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

/**
 * What the caseload shows for one child: age, next meeting, due date and whether it is in time, and how
 * many meetings wait to be written up. The timescales run from the held dates the IRO recorded: a
 * meeting whose time has passed counts only once written up as held.
 */
export function timescaleOf(child: Child, meetings: Meeting[], now: number) {
	const today = londonDate(now);
	const live = meetings.filter((m) => m.cancelledAt === null);
	const held = heldDates(live, now);
	const toWriteUp = live.filter((m) => waitingForWriteUp(m, now)).length;
	const next = live.find((m) => m.startsAt > now) ?? null;
	const due = nextMeetingDue({ status: child.status, startDate: child.startDate, held });
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

/** An IRO's caseload (or, with null, every child), sorted so that what needs attention comes first. */
export function caseload(iroId: string | null, now = Date.now()) {
	const query = db()
		.select({ child: children, iroName: users.displayName })
		.from(children)
		.leftJoin(users, eq(users.id, children.iroId));
	const rows = (iroId ? query.where(eq(children.iroId, iroId)) : query).orderBy(asc(children.fullName)).all();
	const meetings = meetingsOfChildren(rows.map((r) => r.child.id));
	const urgent = childrenWithUrgent(rows.map((r) => r.child.id));
	const today = londonDate(now);
	const urgency = { overdue: 0, scheduled_late: 1, due_soon: 2, on_track: 3 } as const;
	return rows
		.map(({ child, iroName }) => ({
			child,
			iroName,
			age: ageOn(child.dateOfBirth, today),
			hasAccount: child.userId !== null,
			urgentMessage: urgent.has(child.id),
			...timescaleOf(child, meetings.get(child.id) ?? [], now)
		}))
		.sort(
			(a, b) =>
				Number(b.urgentMessage) - Number(a.urgentMessage) ||
				(a.state ? urgency[a.state] : 4) - (b.state ? urgency[b.state] : 4)
		);
}
