import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, blob } from 'drizzle-orm/sqlite-core';
import { children, carers, users } from './people';
import { deletedWith } from './column-kinds';

/**
 * One conversation per child with their IRO (carerId null), and one per carer about each linked
 * child. It belongs to the child, not to an IRO: when a child is re-allocated, the new IRO has it.
 */
export const conversations = sqliteTable(
	'conversations',
	{
		id: text('id').primaryKey(),
		/** `${childId}:child` or `${childId}:${carerId}`: one conversation per pair. */
		key: text('key').notNull().unique(),
		childId: deletedWith('child_id', () => children.id),
		carerId: text('carer_id').references(() => carers.id, { onDelete: 'cascade' }),
		lastMessageAt: integer('last_message_at').notNull(),
		doneAt: integer('done_at'),
		/** When the IRO was last emailed about this conversation (at most once an hour). */
		staffNotifiedAt: integer('staff_notified_at'),
		createdAt: integer('created_at').notNull(),
		/**
		 * How many of the child's or carer's messages staff have not read, and how many of those are
		 * urgent: kept by triggers on `messages` (migration 0010, `INBOX_TRIGGERS` in `server/messages.ts`),
		 * so an inbox is ranked from the conversations alone, never by counting messages.
		 */
		unreadByStaff: integer('unread_by_staff').notNull().default(0),
		urgentUnreadByStaff: integer('urgent_unread_by_staff').notNull().default(0)
	},
	(t) => [
		// A child's conversations; with the unread count, an IRO's header count (every page) reads this
		// index alone, not each conversation's row.
		index('conversations_child_unread_idx').on(t.childId, t.unreadByStaff),
		// The staff inbox's order (urgent, then unread, then the latest): a page of it is read off this
		// index, whatever the size of the service.
		index('conversations_inbox_idx').on(
			sql`(${t.urgentUnreadByStaff} > 0)`,
			sql`(${t.unreadByStaff} > 0)`,
			t.lastMessageAt
		)
	]
);

export const messages = sqliteTable(
	'messages',
	{
		id: text('id').primaryKey(),
		conversationId: deletedWith('conversation_id', () => conversations.id),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		/** Whether the author was staff (IRO or manager) or family (the child or a carer). */
		fromStaff: integer('from_staff', { mode: 'boolean' }).notNull(),
		body: text('body').notNull(),
		/** The language the author's page was in when they wrote it (null: not known, written before). */
		lang: text('lang'),
		urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		/** When the other side first read it. */
		readAt: integer('read_at'),
		/** Urgent messages: when, by whom and with what note ("what I did") staff acknowledged it. */
		acknowledgedAt: integer('acknowledged_at'),
		acknowledgedBy: text('acknowledged_by').references(() => users.id),
		acknowledgementNote: text('acknowledgement_note'),
		/** Urgent messages: when it was emailed again to the duty manager and every manager, unacknowledged. */
		escalatedAt: integer('escalated_at')
	},
	(t) => [
		index('messages_conversation_idx').on(t.conversationId, t.createdAt),
		// Unread and urgent-unread messages are a few among millions: the header count, the inbox and the
		// caseload ask for them on every page, so they have partial indexes of their own.
		index('messages_unread_idx')
			.on(t.conversationId, t.fromStaff)
			.where(sql`${t.readAt} is null`),
		index('messages_urgent_unread_idx')
			.on(t.conversationId)
			.where(sql`${t.urgent} = 1 and ${t.readAt} is null`),
		// The reports: a child's or carer's urgent messages sent in a period.
		index('messages_urgent_sent_idx')
			.on(t.createdAt)
			.where(sql`${t.urgent} = 1 and ${t.fromStaff} = 0`)
	]
);

/** Every email goes here first; a sender delivers it and retries on failure, so none is lost. */
export const outbox = sqliteTable(
	'outbox',
	{
		id: text('id').primaryKey(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		createdAt: integer('created_at').notNull(),
		sentAt: integer('sent_at'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at').notNull(),
		lastError: text('last_error'),
		/** When sending was given up (after the last attempt): out of the retry loop, on /manage/emails. */
		failedAt: integer('failed_at')
	},
	(t) => [
		// The sender's query: only what may still go is in it, so given-up emails are never read again.
		index('outbox_waiting_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
		// The manager's list of emails that could not be sent, newest first.
		index('outbox_failed_idx')
			.on(t.failedAt, t.id)
			.where(sql`${t.failedAt} is not null`)
	]
);

/** IRO photos for "Meet your IRO": re-encoded WebP, metadata stripped. */
export const photos = sqliteTable('photos', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	image: blob('image', { mode: 'buffer' }).notNull(),
	updatedAt: integer('updated_at').notNull()
});
