import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * Work that must run in exactly one process (the outbox, urgent escalation, housekeeping) is done by
 * whichever process holds its lease: one row a name, with who holds it and until when. It is taken and
 * renewed in a writing transaction (`server/lease.ts`); when it expires another process takes it over.
 */
export const leases = sqliteTable('leases', {
	name: text('name').primaryKey(),
	/** host:pid:random, so the log and the row say which process it is. */
	holder: text('holder').notNull(),
	takenAt: integer('taken_at').notNull(),
	expiresAt: integer('expires_at').notNull()
});
