import { integer, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * Kinds of column many tables use. This file imports no table, so every table file may use it
 * (columns.ts, which names tables, would make an import cycle with them).
 */

/** A column that must name a row of another table, and is deleted with that row. */
export const deletedWith = (name: string, target: () => AnySQLiteColumn) =>
	text(name).notNull().references(target, { onDelete: 'cascade' });

/** When a row was made and when it last changed (instants, milliseconds UTC). */
export const createdAndUpdated = () => ({
	createdAt: integer('created_at').notNull(),
	updatedAt: integer('updated_at').notNull()
});
