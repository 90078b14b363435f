import { CHAIRS, RAISERS, SUPPORT_KINDS, SUPPORT_STATUSES, VISIBILITIES } from '../../../domain/prepare';
import { VERSIONS } from '../../../domain/consultation';
import { AGENDA_STARTERS } from '../../../domain/agenda';
import { ATTENDING } from '../../../domain/pack';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { children, carers, users } from './people';
import { meetings } from './meetings';
import { meetingOfChildColumns } from './columns';
import { createdAndUpdated, deletedWith } from './column-kinds';

/**
 * Getting ready for a meeting. Everything belongs to one meeting of one child; when a meeting is
 * cancelled, it moves to the child's next meeting (see preparation.ts), so nothing is lost.
 */

/** "My say": answers as JSON ({ [questionId]: { value, visibility, updatedAt } }). */
export const consultations = sqliteTable(
	'consultations',
	{
		...meetingOfChildColumns(),
		/** 'young' (4–7), 'middle' (8–12) or 'teen' (13+), fixed when started. */
		version: text('version', { enum: VERSIONS }).notNull(),
		age: integer('age').notNull(),
		answers: text('answers').notNull().default('{}'),
		/** The answers as they were when sent, so the IRO can see what changed after. */
		sentAnswers: text('sent_answers'),
		sentAt: integer('sent_at'),
		/** For the 4–7 version: a grown-up filled it in with the child. */
		withCarer: integer('with_carer', { mode: 'boolean' }).notNull().default(false),
		...createdAndUpdated()
	},
	(t) => [uniqueIndex('consultations_meeting_idx').on(t.meetingId)]
);

export const agendaItems = sqliteTable(
	'agenda_items',
	{
		...meetingOfChildColumns(),
		position: integer('position').notNull(),
		/**
		 * The child's own words. For an idea picked from the suggested list (`ideaKey`), the idea's words
		 * as the child saw them then; never shown: each reader sees the idea in their own language.
		 */
		text: text('text').notNull(),
		/** One of AGENDA_STARTERS when the item is a suggested idea (null: the child's own words). */
		ideaKey: text('idea_key', { enum: AGENDA_STARTERS }),
		/** The language the child's page was in when they wrote `text` (null: not known, written before). */
		lang: text('lang'),
		raiser: text('raiser', { enum: RAISERS }).notNull(),
		visibility: text('visibility', { enum: VISIBILITIES }).notNull(),
		...createdAndUpdated()
	},
	(t) => [index('agenda_meeting_idx').on(t.meetingId, t.position)]
);

/** Chairing and "about my meeting": who, how, where, when. Choices as JSON. */
export const meetingChoices = sqliteTable('meeting_choices', {
	meetingId: text('meeting_id')
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	childId: deletedWith('child_id', () => children.id),
	chair: text('chair', { enum: CHAIRS }),
	choices: text('choices').notNull().default('{}'),
	/** When the IRO was asked to help a chairing child prepare. */
	chairHelpRequestedAt: integer('chair_help_requested_at'),
	updatedAt: integer('updated_at').notNull()
});

/** Asking for an advocate or an independent visitor: something for the IRO to act on. */
export const supportRequests = sqliteTable(
	'support_requests',
	{
		id: text('id').primaryKey(),
		childId: deletedWith('child_id', () => children.id),
		/**
		 * The meeting the child was getting ready for when they asked (null: none was booked, or an old
		 * request the backfill could not place). A meeting's pack shows the requests made for it.
		 */
		meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: SUPPORT_KINDS }).notNull(),
		status: text('status', { enum: SUPPORT_STATUSES }).notNull(),
		note: text('note').notNull().default(''),
		...createdAndUpdated()
	},
	(t) => [index('support_child_idx').on(t.childId), index('support_meeting_idx').on(t.meetingId, t.kind)]
);

/** A parent's or carer's views before a meeting. */
export const carerViews = sqliteTable(
	'carer_views',
	{
		id: text('id').primaryKey(),
		meetingId: deletedWith('meeting_id', () => meetings.id),
		carerId: deletedWith('carer_id', () => carers.id),
		goingWell: text('going_well').notNull().default(''),
		worries: text('worries').notNull().default(''),
		nextSteps: text('next_steps').notNull().default(''),
		anythingElse: text('anything_else').notNull().default(''),
		/** The language the carer's page was in when they last saved their words (null: not known, saved before). */
		viewsLang: text('views_lang'),
		attending: text('attending', { enum: ATTENDING }),
		sentAt: integer('sent_at'),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [uniqueIndex('carer_views_meeting_carer_idx').on(t.meetingId, t.carerId)]
);

/**
 * Who read or changed what, when: the audit trail (append-only, see server/audit.ts). `childId` is the
 * child whose record it was (null when none): a plain id, not a reference, so the entries about a
 * child outlive the child's record.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		action: text('action').notNull(),
		subjectId: text('subject_id').notNull(),
		detail: text('detail').notNull().default(''),
		childId: text('child_id'),
		at: integer('at').notNull()
	},
	(t) => [
		// Entries of one kind about a record, newest first (who read a pack, who read what was private).
		index('audit_subject_action_idx').on(t.subjectId, t.action, t.at),
		index('audit_child_idx').on(t.childId, t.at),
		index('audit_user_idx').on(t.userId, t.at)
	]
);

/** A nudge from the IRO to a child or carer who has not replied yet; shown on their home page. */
export const reminders = sqliteTable(
	'reminders',
	{
		id: text('id').primaryKey(),
		meetingId: deletedWith('meeting_id', () => meetings.id),
		childId: text('child_id').references(() => children.id, { onDelete: 'cascade' }),
		carerId: text('carer_id').references(() => carers.id, { onDelete: 'cascade' }),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('reminders_meeting_idx').on(t.meetingId)]
);
