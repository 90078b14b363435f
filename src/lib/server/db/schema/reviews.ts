import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { carers, users } from './people';
import { meetings } from './meetings';
import { ATTENDEE_KINDS, CHAIR_ROLES, PARTICIPATION_CODES, SPOKE_HOW } from '../../../domain/participation';
import { MEETING_CHANGE_KINDS } from '../../../domain/meeting-notices';
import { meetingOfChildColumns } from './columns';
import { deletedWith } from './column-kinds';

/**
 * What the IRO records after a review (with `heldOn`, `notHeldReason`, `writtenUpAt` on `meetings`):
 * who came, and how the child took part.
 */

/** One row for each person who came to a held review. */
export const reviewAttendance = sqliteTable(
	'review_attendance',
	{
		id: text('id').primaryKey(),
		meetingId: deletedWith('meeting_id', () => meetings.id),
		who: text('who', { enum: ATTENDEE_KINDS }).notNull(),
		/** For `carer`: which linked parent or carer. */
		carerId: text('carer_id').references(() => carers.id, { onDelete: 'set null' }),
		/** For `other`: their role, as the IRO typed it ("Teacher", "Advocate"). */
		role: text('role')
	},
	(t) => [index('review_attendance_meeting_idx').on(t.meetingId)]
);

/** How the child took part in a held review (SSDA903 code), whether they chaired, and talking first. */
export const reviewParticipation = sqliteTable('review_participation', {
	meetingId: text('meeting_id')
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	code: text('code', { enum: PARTICIPATION_CODES }).notNull(),
	chaired: text('chaired', { enum: CHAIR_ROLES }).notNull(),
	/** When and how the IRO spoke with the child before the meeting; null when they did not. */
	spokeBeforeOn: text('spoke_before_on'),
	spokeBeforeHow: text('spoke_before_how', { enum: SPOKE_HOW }),
	updatedAt: integer('updated_at').notNull()
});

/**
 * A meeting moved or cancelled, kept so the child is told (home page, messages) in their own
 * language: the kind and its parameters, put into words when shown.
 */
export const meetingChanges = sqliteTable(
	'meeting_changes',
	{
		...meetingOfChildColumns(),
		kind: text('kind', { enum: MEETING_CHANGE_KINDS }).notNull(),
		/** When the meeting was to start before the change. */
		fromStartsAt: integer('from_starts_at').notNull(),
		/** When it starts now (moved only). */
		toStartsAt: integer('to_starts_at'),
		byUserId: text('by_user_id').references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('meeting_changes_child_idx').on(t.childId, t.createdAt)]
);
