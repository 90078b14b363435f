import { DECISION_ROLES } from '../../../domain/outcomes';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './people';
import { meetings } from './meetings';
import { agendaItems } from './preparation';
import { meetingOfChildColumns } from './columns';
import { createdAndUpdated, deletedWith } from './column-kinds';

/**
 * After a held review (see reviewState in domain/meeting-lifecycle.ts): what happened to each item
 * on the child's agenda, the decisions, and the IRO's letter to the child.
 */

/** "You said …, we did …": one for each agenda item of the meeting. */
export const agendaOutcomes = sqliteTable(
	'agenda_outcomes',
	{
		id: text('id').primaryKey(),
		meetingId: deletedWith('meeting_id', () => meetings.id),
		agendaItemId: deletedWith('agenda_item_id', () => agendaItems.id),
		text: text('text').notNull(),
		/** The language the IRO's page was in when they wrote `text` (null: not known, written before). */
		textLang: text('text_lang'),
		updatedAt: integer('updated_at').notNull(),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('agenda_outcomes_item_idx').on(t.agendaItemId)]
);

/** What the meeting decided: someone's to do by a date; also the IRO's follow-up list. */
export const decisions = sqliteTable(
	'decisions',
	{
		...meetingOfChildColumns(),
		text: text('text').notNull(),
		/** The language the IRO's page was in when they wrote `text` (null: not known, written before). */
		textLang: text('text_lang'),
		whoRole: text('who_role', { enum: DECISION_ROLES }).notNull(),
		whoName: text('who_name').notNull().default(''),
		/** Calendar date YYYY-MM-DD. */
		dueOn: text('due_on').notNull(),
		visibleToChild: integer('visible_to_child', { mode: 'boolean' }).notNull().default(false),
		sharedWithCarers: integer('shared_with_carers', { mode: 'boolean' }).notNull().default(false),
		doneAt: integer('done_at'),
		doneNote: text('done_note'),
		doneBy: text('done_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index('decisions_meeting_idx').on(t.meetingId), index('decisions_child_idx').on(t.childId)]
);

/**
 * The letter after a meeting: the IRO's own words for each part (JSON, see LETTER_PARTS), a draft
 * until sent. Sending keeps what the letter said (`content`, JSON) and the language it is in.
 */
export const meetingLetters = sqliteTable(
	'meeting_letters',
	{
		...meetingOfChildColumns(),
		words: text('words').notNull().default('{}'),
		/** The language the IRO's page was in when they last saved their own words (null: not known). */
		wordsLang: text('words_lang'),
		locale: text('locale').notNull(),
		content: text('content'),
		sentAt: integer('sent_at'),
		sentBy: text('sent_by').references(() => users.id, { onDelete: 'set null' }),
		...createdAndUpdated()
	},
	(t) => [
		uniqueIndex('meeting_letters_meeting_idx').on(t.meetingId),
		index('meeting_letters_child_idx').on(t.childId)
	]
);
