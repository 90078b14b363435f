import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { FORMAT_DOCUMENTS, FORMAT_KINDS } from '../../../domain/formats';
import { children, users } from './people';

/**
 * A child or a carer asking for a document in another format or language, or an interpreter at the
 * meeting (domain/formats.ts). Open until the child's IRO marks it done.
 */
export const formatRequests = sqliteTable(
	'format_requests',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		/** Who asked: the child's or a carer's account, and which of the two (kept if the account goes). */
		requestedBy: text('requested_by').references(() => users.id, { onDelete: 'set null' }),
		requestedByRole: text('requested_by_role', { enum: ['child', 'carer'] }).notNull(),
		kind: text('kind', { enum: FORMAT_KINDS }).notNull(),
		document: text('document', { enum: [...FORMAT_DOCUMENTS, 'meeting'] }).notNull(),
		/** A language from the list (a BCP 47 code), or null when typed or not needed. */
		language: text('language'),
		/** A language typed in because it was not on the list. */
		languageTyped: text('language_typed'),
		note: text('note').notNull().default(''),
		/** The language of the page the note was written on. */
		noteLang: text('note_lang'),
		createdAt: integer('created_at').notNull(),
		doneAt: integer('done_at'),
		doneBy: text('done_by').references(() => users.id, { onDelete: 'set null' }),
		doneNote: text('done_note').notNull().default('')
	},
	(t) => [index('format_requests_child_idx').on(t.childId, t.doneAt)]
);
