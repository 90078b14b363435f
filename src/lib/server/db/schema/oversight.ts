import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { CONCERN_RAISED_WITH, CONCERN_STAGES, CONCERN_SUBJECTS } from '../../../domain/oversight';
import { children, users } from './people';
import { deletedWith } from './column-kinds';

/**
 * The IRO's oversight log (see domain/oversight.ts): a concern about a child's plan and each stage it
 * went through. Dates are calendar dates YYYY-MM-DD. Never shown on the child's or carers' pages.
 */
export const concerns = sqliteTable(
	'concerns',
	{
		id: text('id').primaryKey(),
		childId: deletedWith('child_id', () => children.id),
		subject: text('subject', { enum: CONCERN_SUBJECTS }).notNull(),
		detail: text('detail').notNull(),
		raisedWithRole: text('raised_with_role', { enum: CONCERN_RAISED_WITH }).notNull(),
		raisedWithName: text('raised_with_name').notNull().default(''),
		raisedOn: text('raised_on').notNull(),
		/** The stage it is at now, when that stage started and when it is due. */
		stage: text('stage', { enum: CONCERN_STAGES }).notNull(),
		stageStartedOn: text('stage_started_on').notNull(),
		dueOn: text('due_on').notNull(),
		resolvedOn: text('resolved_on'),
		resolution: text('resolution'),
		createdAt: integer('created_at').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('concerns_child_idx').on(t.childId, t.resolvedOn),
		index('concerns_raised_idx').on(t.raisedOn)
	]
);

/** Each stage a concern reached: raised (its first stage), then each escalation, with the IRO's note. */
export const concernSteps = sqliteTable(
	'concern_steps',
	{
		id: text('id').primaryKey(),
		concernId: deletedWith('concern_id', () => concerns.id),
		stage: text('stage', { enum: CONCERN_STAGES }).notNull(),
		startedOn: text('started_on').notNull(),
		dueOn: text('due_on').notNull(),
		note: text('note').notNull().default(''),
		createdAt: integer('created_at').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index('concern_steps_concern_idx').on(t.concernId)]
);
