import { text } from 'drizzle-orm/sqlite-core';
import { deletedWith } from './column-kinds';
import { children } from './people';
import { meetings } from './meetings';

/**
 * Column groups several tables share (a function, so each table gets its own columns). Relative imports:
 * drizzle-kit reads this folder without SvelteKit's aliases.
 */

/** A row about one meeting of one child: its id, the meeting and the child (deleted with either). */
export const meetingOfChildColumns = () => ({
	id: text('id').primaryKey(),
	meetingId: deletedWith('meeting_id', () => meetings.id),
	childId: deletedWith('child_id', () => children.id)
});
