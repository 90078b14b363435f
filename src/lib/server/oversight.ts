import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { rowOfChild, db, tables, keptQuery, write } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import { config } from './config';
import {
	concernState,
	nextStage,
	stageDueOn,
	type ConcernRaisedWith,
	type ConcernStage,
	type ConcernSubject
} from '$lib/domain/oversight';

/**
 * The IRO's oversight log (dispute resolution): concerns about a child's plan, each stage they reach
 * and how they were resolved. Only the child's IRO writes it; managers read it. Stage due dates are in
 * working days from config (`OVERSIGHT_STAGE_DAYS`).
 */
const { concerns, concernSteps, children, users } = tables;

export type Concern = typeof concerns.$inferSelect;

/** A child's concerns, open ones first (by due date), then resolved ones (latest first). */
export function concernsOf(childId: string, today: string) {
	return db()
		.select()
		.from(concerns)
		.where(eq(concerns.childId, childId))
		.orderBy(asc(concerns.resolvedOn), asc(concerns.dueOn), desc(concerns.createdAt))
		.all()
		.map((c) => ({ ...c, state: concernState(c, today) }));
}

/** One concern of this child (for access.ts), or undefined. */
export function concernOfChild(childId: string, concernId: string): Concern | undefined {
	return rowOfChild(concerns, childId, concernId);
}

/** The stages a concern went through, first first, with who recorded each. */
export function stepsOf(concernId: string) {
	return db()
		.select({
			id: concernSteps.id,
			stage: concernSteps.stage,
			startedOn: concernSteps.startedOn,
			dueOn: concernSteps.dueOn,
			note: concernSteps.note,
			by: users.displayName
		})
		.from(concernSteps)
		.leftJoin(users, eq(users.id, concernSteps.createdBy))
		.where(eq(concernSteps.concernId, concernId))
		.orderBy(asc(concernSteps.startedOn), asc(concernSteps.createdAt))
		.all();
}

/** How many concerns about this child are still open (the child page's summary row). */
export function openConcernCount(childId: string): number {
	return (
		db()
			.select({ n: count() })
			.from(concerns)
			.where(and(eq(concerns.childId, childId), isNull(concerns.resolvedOn)))
			.get()?.n ?? 0
	);
}

/** Open and overdue concerns per child of this IRO's caseload (children with none are left out). */
export function openConcerns(
	iroId: string,
	today: string
): Record<string, { open: number; overdue: number }> {
	const rows = openConcernsQuery().all({ iroId });
	const counts: Record<string, { open: number; overdue: number }> = {};
	for (const row of rows) {
		const count = (counts[row.childId] ??= { open: 0, overdue: 0 });
		count.open += 1;
		if (concernState(row, today) === 'overdue') count.overdue += 1;
	}
	return counts;
}

const openConcernsQuery = keptQuery((db) =>
	db
		.select({ childId: concerns.childId, dueOn: concerns.dueOn, resolvedOn: concerns.resolvedOn })
		.from(concerns)
		.innerJoin(children, eq(children.id, concerns.childId))
		.where(and(eq(children.iroId, sql.placeholder('iroId')), isNull(concerns.resolvedOn)))
		.prepare()
);

export interface NewConcern {
	subject: ConcernSubject;
	detail: string;
	raisedWithRole: ConcernRaisedWith;
	raisedWithName: string;
	stage: ConcernStage;
	raisedOn: string;
}

/** Records a concern at its first stage (informal, or a formal stage when it starts there). */
export function raiseConcern(childId: string, userId: string, c: NewConcern, now = Date.now()): string {
	const id = newId();
	const dueOn = stageDueOn(c.raisedOn, c.stage, config().oversightStageDays);
	write((tx) => {
		tx.insert(concerns)
			.values({
				id,
				childId,
				...c,
				stageStartedOn: c.raisedOn,
				dueOn,
				createdAt: now,
				createdBy: userId,
				updatedAt: now
			})
			.run();
		tx.insert(concernSteps)
			.values({
				id: newId(),
				concernId: id,
				stage: c.stage,
				startedOn: c.raisedOn,
				dueOn,
				note: '',
				createdAt: now,
				createdBy: userId
			})
			.run();
		recordAudit(
			{ userId, action: 'concern.raised', subjectId: id, detail: `${c.subject} ${c.stage}` },
			now,
			tx
		);
	});
	return id;
}

/** Moves an open concern to the next stage from `startedOn`; false if it is resolved or at stage 3. */
export function escalateConcern(
	concern: Concern,
	userId: string,
	step: { startedOn: string; note: string },
	now = Date.now()
): boolean {
	const stage = nextStage(concern.stage);
	if (!stage || concern.resolvedOn) return false;
	const dueOn = stageDueOn(step.startedOn, stage, config().oversightStageDays);
	return write((tx) => {
		const changed = tx
			.update(concerns)
			.set({ stage, stageStartedOn: step.startedOn, dueOn, updatedAt: now })
			.where(and(eq(concerns.id, concern.id), eq(concerns.stage, concern.stage), isNull(concerns.resolvedOn)))
			.run();
		if (changed.changes === 0) return false;
		tx.insert(concernSteps)
			.values({
				id: newId(),
				concernId: concern.id,
				stage,
				...step,
				dueOn,
				createdAt: now,
				createdBy: userId
			})
			.run();
		recordAudit({ userId, action: 'concern.escalated', subjectId: concern.id, detail: stage }, now, tx);
		return true;
	});
}

/** Records how an open concern was resolved; false if it already was. */
export function resolveConcern(
	concern: Concern,
	userId: string,
	r: { resolvedOn: string; resolution: string },
	now = Date.now()
): boolean {
	return write((tx) => {
		const changed = tx
			.update(concerns)
			.set({ ...r, updatedAt: now })
			.where(and(eq(concerns.id, concern.id), isNull(concerns.resolvedOn)))
			.run();
		if (changed.changes === 0) return false;
		recordAudit(
			{ userId, action: 'concern.resolved', subjectId: concern.id, detail: concern.stage },
			now,
			tx
		);
		return true;
	});
}
