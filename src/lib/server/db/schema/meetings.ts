import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { children } from './people';
import { deletedWith } from './column-kinds';

export const meetings = sqliteTable(
	'meetings',
	{
		id: text('id').primaryKey(),
		childId: deletedWith('child_id', () => children.id),
		kind: text('kind', { enum: ['cla_review', 'icpc', 'rcpc'] }).notNull(),
		/** Instant, integer milliseconds UTC. */
		startsAt: integer('starts_at').notNull(),
		venue: text('venue').notNull(),
		/** The language the page was in when the venue was written (null: not known). */
		venueLang: text('venue_lang'),
		mode: text('mode', { enum: ['in_person', 'online', 'hybrid'] }).notNull(),
		cancelledAt: integer('cancelled_at'),
		/** The write-up: a review is held only when its IRO records it (never by the clock). */
		heldOn: text('held_on'),
		/** Set instead of `heldOn` when the IRO records that the review did not take place. */
		notHeldReason: text('not_held_reason'),
		/** Instant the IRO wrote the review up (held or not held); null while it waits to be written up. */
		writtenUpAt: integer('written_up_at'),
		writtenUpBy: text('written_up_by'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('meetings_child_idx').on(t.childId, t.startsAt),
		// The reports: reviews held in a period, and each child's reviews held before one (its due date).
		index('meetings_held_idx')
			.on(t.heldOn, t.childId)
			.where(sql`${t.heldOn} is not null`),
		index('meetings_child_held_idx')
			.on(t.childId, t.heldOn)
			.where(sql`${t.heldOn} is not null`),
		// The caseload counts each child's meetings (held, last held, to write up, the next) from this
		// index alone, for a whole council at once on the manager's overview.
		index('meetings_caseload_idx').on(t.childId, t.cancelledAt, t.writtenUpAt, t.heldOn, t.startsAt)
	]
);

export type Meeting = typeof meetings.$inferSelect;
