import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './people';
import { deletedWith } from './column-kinds';

/**
 * One row per form submission that stored something (a message, an agenda item, a child …), keyed
 * by a hash of the form's one-off token and what was sent: a double-clicked "Send" finds its row and
 * stores nothing twice. `result` keeps what the first submission gave (JSON), to answer the same.
 * Rows older than a day are deleted as new ones come in.
 */
export const formSubmissions = sqliteTable(
	'form_submissions',
	{
		token: text('token').primaryKey(),
		userId: deletedWith('user_id', () => users.id),
		result: text('result'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('form_submissions_created_idx').on(t.createdAt)]
);
