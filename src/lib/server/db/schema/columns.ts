import { text } from 'drizzle-orm/sqlite-core';
import { children } from './people';
import { meetings } from './meetings';

/**
 * Column groups several tables share (a function, so each table gets its own columns). Relative imports:
 * drizzle-kit reads this folder without SvelteKit's aliases.
 */

/** A row about one meeting of one child: its id, the meeting and the child (deleted with either). */
export const meetingOfChildColumns = () => ({
	id: text('id').primaryKey(),
	meetingId: text('meeting_id')
		.notNull()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	childId: text('child_id')
		.notNull()
		.references(() => children.id, { onDelete: 'cascade' })
});
