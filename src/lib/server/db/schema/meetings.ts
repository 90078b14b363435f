import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { children } from './people';

export const meetings = sqliteTable(
	'meetings',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['cla_review', 'icpc', 'rcpc'] }).notNull(),
		/** Instant, integer milliseconds UTC. */
		startsAt: integer('starts_at').notNull(),
		venue: text('venue').notNull(),
		mode: text('mode', { enum: ['in_person', 'online', 'hybrid'] }).notNull(),
		cancelledAt: integer('cancelled_at'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('meetings_child_idx').on(t.childId, t.startsAt)]
);

export type Meeting = typeof meetings.$inferSelect;
