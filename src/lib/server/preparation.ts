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
		// One of each a meeting: the latest from the cancelled meetings moves, if the target has none.
		for (const table of [consultations, meetingChoices]) {
			if (has(table)) continue;
			const latest = tx
				.select({ meetingId: table.meetingId })
				.from(table)
				.where(inArray(table.meetingId, cancelled))
				.orderBy(asc(table.updatedAt))
				.all()
				.pop();
			if (latest)
				tx.update(table).set({ meetingId: target.id }).where(eq(table.meetingId, latest.meetingId)).run();
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
