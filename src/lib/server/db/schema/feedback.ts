import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { RESPONDENTS } from '../../../domain/feedback';
import { VERSIONS } from '../../../domain/consultation';
import { carers } from './people';
import { meetingOfChildColumns } from './columns';

/**
 * "How was my meeting?": one row per held review and respondent (the child, or one linked carer),
 * given or skipped. Once there is a row, nobody is asked again about that meeting.
 */
export const feedback = sqliteTable(
	'feedback',
	{
		...meetingOfChildColumns(),
		respondent: text('respondent', { enum: RESPONDENTS }).notNull(),
		/** The carer who answered (null when the child answered). */
		carerId: text('carer_id').references(() => carers.id, { onDelete: 'cascade' }),
		/** The child's version (faces for 4–7), as shown; null for a carer. */
		version: text('version', { enum: VERSIONS }),
		/** Answers as JSON ({ [question]: 'yes' | 'partly' | 'no' }); unanswered questions are left out. */
		answers: text('answers').notNull().default('{}'),
		/** "What should we change?" */
		change: text('change').notNull().default(''),
		/** The language the respondent's page was in when they wrote `change` (null: not known, written before). */
		changeLang: text('change_lang'),
		/** Set when they chose "not now / no thanks" (answers stay empty). */
		skippedAt: integer('skipped_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('feedback_child_idx')
			.on(t.meetingId)
			.where(sql`${t.carerId} is null`),
		uniqueIndex('feedback_carer_idx').on(t.meetingId, t.carerId),
		index('feedback_child_meeting_idx').on(t.childId, t.meetingId)
	]
);

export type Feedback = typeof feedback.$inferSelect;
