import { CHILD_STATUSES } from '../../../domain/timescales';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { deletedWith } from './column-kinds';

/** Everyone who can sign in. Children and carers get a row when they redeem their invite. */
export const users = sqliteTable('users', {
	id: text('id').primaryKey(),
	role: text('role', { enum: ['manager', 'iro', 'child', 'carer'] }).notNull(),
	username: text('username').notNull().unique(),
	email: text('email').unique(),
	passwordHash: text('password_hash').notNull(),
	displayName: text('display_name').notNull(),
	language: text('language'),
	display: text('display'),
	/** How a child wants to be addressed in gendered languages (domain/address.ts); null until asked. */
	address: text('address', { enum: ['female', 'male', 'neutral', 'skipped'] }),
	aboutMe: text('about_me'),
	contactInfo: text('contact_info'),
	/** The language an IRO's page was in when they last saved "about me" and contact info (null: not known). */
	profileLang: text('profile_lang'),
	phone: text('phone'),
	createdAt: integer('created_at').notNull(),
	passwordChangedAt: integer('password_changed_at').notNull(),
	/** When the account was closed (a staff member left, a carer, a child whose record closed): no sign-in. */
	deactivatedAt: integer('deactivated_at')
});

export const children = sqliteTable(
	'children',
	{
		id: text('id').primaryKey(),
		userId: text('user_id').references(() => users.id),
		iroId: text('iro_id').references(() => users.id),
		fullName: text('full_name').notNull(),
		preferredName: text('preferred_name'),
		dateOfBirth: text('date_of_birth').notNull(),
		status: text('status', { enum: CHILD_STATUSES }).notNull(),
		/** Date the child became cared for, or the date of the strategy discussion. */
		startDate: text('start_date'),
		languages: text('languages').notNull().default(''),
		communicationNeeds: text('communication_needs').notNull().default(''),
		/** "Use the picture version" (pictures, simpler words) at any age: set by the IRO or the child. */
		pictureVersion: integer('picture_version', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at').notNull(),
		/** A record closed when the child left care: read-only for staff, deleted after the retention period. */
		closedAt: integer('closed_at'),
		/** The date the child left care (YYYY-MM-DD), as the closing IRO or manager gave it. */
		closedOn: text('closed_on'),
		closedReason: text('closed_reason'),
		closedBy: text('closed_by').references(() => users.id)
	},
	(t) => [
		// An IRO's children, their ids read off the index (the header's unread count joins on them).
		index('children_iro_id_idx').on(t.iroId, t.id),
		index('children_user_idx').on(t.userId)
	]
);

/**
 * Who was a child's IRO before the one they have now (for the caseload trend in the reports): one row
 * per earlier allocation, from the day it began (null: from the child's start date) until the day the
 * next one began. The current IRO is `children.iro_id`, from the last row's `until_on`.
 */
export const pastAllocations = sqliteTable(
	'past_allocations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		childId: deletedWith('child_id', () => children.id),
		/** Null: the child had no IRO then. */
		iroId: text('iro_id').references(() => users.id, { onDelete: 'set null' }),
		fromOn: text('from_on'),
		untilOn: text('until_on').notNull()
	},
	(t) => [index('past_allocations_child_idx').on(t.childId, t.untilOn)]
);

/** Parents and carers: a record exists before they have an account. */
export const carers = sqliteTable('carers', {
	id: text('id').primaryKey(),
	userId: text('user_id').references(() => users.id),
	fullName: text('full_name').notNull(),
	email: text('email'),
	phone: text('phone'),
	language: text('language'),
	createdAt: integer('created_at').notNull()
});

export const childCarers = sqliteTable(
	'child_carers',
	{
		childId: deletedWith('child_id', () => children.id),
		carerId: deletedWith('carer_id', () => carers.id),
		relationship: text('relationship').notNull(),
		/** The language the page was in when the relationship was written (null: not known). */
		relationshipLang: text('relationship_lang')
	},
	(t) => [primaryKey({ columns: [t.childId, t.carerId] }), index('child_carers_carer_idx').on(t.carerId)]
);
