import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { db, tables, keptQuery, write } from './db';
import { recordAudit } from './audit';
import { decisionSummary } from './outcomes';
import { callName } from '$lib/domain/names';
import { followUpState } from '$lib/domain/outcomes';

/**
 * The IRO's follow-up list: every decision of the reviews of the children on their caseload, open,
 * done or overdue. Marking one done records when, by whom, and a short note.
 */
const { decisions, children } = tables;

export function followUpsOf(iroId: string, today: string) {
	return db()
		.select({
			...decisionSummary,
			doneAt: decisions.doneAt,
			doneNote: decisions.doneNote,
			meetingId: decisions.meetingId,
			childId: children.id,
			fullName: children.fullName,
			preferredName: children.preferredName
		})
		.from(decisions)
		.innerJoin(children, eq(children.id, decisions.childId))
		.where(eq(children.iroId, iroId))
		.orderBy(asc(decisions.dueOn), asc(decisions.createdAt))
		.all()
		.map(({ fullName, preferredName, ...d }) => ({
			...d,
			childName: callName({ fullName, preferredName }),
			state: followUpState(d, today)
		}));
}

/** How many overdue follow-ups each child on this caseload has (children without any are left out). */
export function overdueFollowUps(iroId: string, today: string): Record<string, number> {
	const rows = overdueQuery().all({ iroId, today });
	const counts: Record<string, number> = {};
	for (const { childId } of rows) counts[childId] = (counts[childId] ?? 0) + 1;
	return counts;
}

const overdueQuery = keptQuery((db) =>
	db
		.select({ childId: decisions.childId })
		.from(decisions)
		.innerJoin(children, eq(children.id, decisions.childId))
		.where(
			and(
				eq(children.iroId, sql.placeholder('iroId')),
				isNull(decisions.doneAt),
				lt(decisions.dueOn, sql.placeholder('today'))
			)
		)
		.prepare()
);

/** The decision (for access.ts to check whose child it is). */
export function decisionById(decisionId: string) {
	return db().select().from(decisions).where(eq(decisions.id, decisionId)).get();
}

/** Marks a decision done with a note; false if it was already done. */
export function markDone(decisionId: string, userId: string, note: string, now = Date.now()): boolean {
	return write((tx) => {
		const result = tx
			.update(decisions)
			.set({ doneAt: now, doneNote: note, doneBy: userId })
			.where(and(eq(decisions.id, decisionId), isNull(decisions.doneAt)))
			.run();
		if (result.changes === 0) return false;
		recordAudit({ userId, action: 'decision.done', subjectId: decisionId, detail: note }, now, tx);
		return true;
	});
}
