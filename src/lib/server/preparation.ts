import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { db, tables, write } from './db';
import type { Meeting } from './db/schema';

/**
 * Keeping a child's preparation with them when a meeting is cancelled or moved: it goes to the
 * meeting they now prepare for (meetingToPrepare in meetings.ts, which owns the meeting lifecycle).
 */
const { meetings, consultations, agendaItems, meetingChoices, carerViews, reminders, supportRequests } =
	tables;

/**
 * Moves what was prepared for the child's cancelled meetings to their next meeting, unless that
 * meeting already has its own. Called after a meeting is cancelled and after one is scheduled.
 */
export function carryOverPreparation(childId: string, target: Meeting | null): void {
	if (!target) return;
	const cancelled = db()
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.childId, childId), isNotNull(meetings.cancelledAt)))
		.all()
		.map((m) => m.id);
	if (!cancelled.length) return;
	write((tx) => {
		const has = (table: typeof consultations | typeof meetingChoices) =>
			Boolean(tx.select({ id: table.meetingId }).from(table).where(eq(table.meetingId, target.id)).get());
		if (!has(consultations)) {
			const latest = tx
				.select({ id: consultations.id })
				.from(consultations)
				.where(inArray(consultations.meetingId, cancelled))
				.orderBy(asc(consultations.updatedAt))
				.all()
				.pop();
			if (latest)
				tx.update(consultations).set({ meetingId: target.id }).where(eq(consultations.id, latest.id)).run();
		}
		if (!has(meetingChoices)) {
			const latest = tx
				.select({ id: meetingChoices.meetingId })
				.from(meetingChoices)
				.where(inArray(meetingChoices.meetingId, cancelled))
				.orderBy(asc(meetingChoices.updatedAt))
				.all()
				.pop();
			if (latest)
				tx.update(meetingChoices)
					.set({ meetingId: target.id })
					.where(eq(meetingChoices.meetingId, latest.id))
					.run();
		}
		tx.update(agendaItems)
			.set({ meetingId: target.id })
			.where(inArray(agendaItems.meetingId, cancelled))
			.run();
		for (const view of tx.select().from(carerViews).where(inArray(carerViews.meetingId, cancelled)).all()) {
			const clash = tx
				.select({ id: carerViews.id })
				.from(carerViews)
				.where(and(eq(carerViews.meetingId, target.id), eq(carerViews.carerId, view.carerId)))
				.get();
			if (!clash) tx.update(carerViews).set({ meetingId: target.id }).where(eq(carerViews.id, view.id)).run();
		}
		tx.update(reminders).set({ meetingId: target.id }).where(inArray(reminders.meetingId, cancelled)).run();
		// Requests for support made for a cancelled meeting belong to the meeting that replaces it.
		tx.update(supportRequests)
			.set({ meetingId: target.id })
			.where(inArray(supportRequests.meetingId, cancelled))
			.run();
	});
}
