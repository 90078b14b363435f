import { sqliteTable, integer } from 'drizzle-orm/sqlite-core';

/**
 * One row: how many writes have touched what the figures kept between requests are counted from
 * (`server/figure-cache.ts`). SQLite triggers on each table the figures read add one on every such
 * write (migration 0007; `FIGURE_TRIGGERS` in `server/figure-cache.ts` lists them), so no writer can
 * forget, and every server process on the database file sees the same count.
 */
export const figureChanges = sqliteTable('figure_changes', {
	id: integer('id').primaryKey(),
	count: integer('count').notNull().default(0)
});
