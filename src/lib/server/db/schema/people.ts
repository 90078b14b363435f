import { CHILD_STATUSES } from '../../../domain/timescales';
import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';

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
	aboutMe: text('about_me'),
	contactInfo: text('contact_info'),
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
		createdAt: integer('created_at').notNull(),
		/** A record closed when the child left care: read-only for staff, deleted after the retention period. */
		closedAt: integer('closed_at'),
		/** The date the child left care (YYYY-MM-DD), as the closing IRO or manager gave it. */
		closedOn: text('closed_on'),
		closedReason: text('closed_reason'),
		closedBy: text('closed_by').references(() => users.id)
	},
	(t) => [index('children_iro_idx').on(t.iroId), index('children_user_idx').on(t.userId)]
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
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		carerId: text('carer_id')
			.notNull()
			.references(() => carers.id, { onDelete: 'cascade' }),
		relationship: text('relationship').notNull()
	},
	(t) => [primaryKey({ columns: [t.childId, t.carerId] }), index('child_carers_carer_idx').on(t.carerId)]
);
