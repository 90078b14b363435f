import { VISIBILITIES } from '../../../domain/prepare';
import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { children } from './people';
import { consultations } from './preparation';
import { messages } from './messages';
import { deletedWith } from './column-kinds';

/**
 * Answers by voice (issue 13): a child's recording, kept with what it answers. Either the voice answer
 * to one My say question (`consultationId` and `questionId`: it moves with the consultation when a
 * meeting is cancelled, and goes when it goes), or a message to the IRO (`messageId`). Deleted with the
 * child's record. The audio is the bytes as recorded; `contentType` is what their signature showed.
 */
export const voiceRecordings = sqliteTable(
	'voice_recordings',
	{
		id: text('id').primaryKey(),
		childId: deletedWith('child_id', () => children.id),
		consultationId: text('consultation_id').references(() => consultations.id, { onDelete: 'cascade' }),
		questionId: text('question_id'),
		/** A My say answer's "Who can see this?", as last saved with its page. */
		visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('iro'),
		messageId: text('message_id').references(() => messages.id, { onDelete: 'cascade' }),
		contentType: text('content_type').notNull(),
		audio: blob('audio', { mode: 'buffer' }).notNull(),
		bytes: integer('bytes').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('voice_question_idx').on(t.consultationId, t.questionId),
		index('voice_message_idx').on(t.messageId),
		index('voice_child_idx').on(t.childId)
	]
);
