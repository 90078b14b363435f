import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';
import { users, children, carers } from './people';
import { deletedWith } from './column-kinds';

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: deletedWith('user_id', () => users.id),
		createdAt: integer('created_at').notNull(),
		lastSeenAt: integer('last_seen_at').notNull(),
		/** When this session's holder used their second factor (a passkey or a recovery code); staff only. */
		secondFactorAt: integer('second_factor_at')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** One-time invite codes. Only a hash of the code is kept. */
export const invites = sqliteTable(
	'invites',
	{
		id: text('id').primaryKey(),
		codeHash: text('code_hash').notNull().unique(),
		childId: text('child_id').references(() => children.id, { onDelete: 'cascade' }),
		carerId: text('carer_id').references(() => carers.id, { onDelete: 'cascade' }),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull(),
		usedAt: integer('used_at'),
		revokedAt: integer('revoked_at'),
		/** 'invite' creates an account that does not exist yet; 'reset' sets a new password for one that does. */
		purpose: text('purpose', { enum: ['invite', 'reset'] })
			.notNull()
			.default('invite')
	},
	(t) => [index('invites_child_idx').on(t.childId), index('invites_carer_idx').on(t.carerId)]
);

/** Failed attempts per key ("account:…", "ip:…", "invite-ip:…"), for throttling. */
export const attempts = sqliteTable('attempts', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: integer('last_failure_at').notNull()
});

/**
 * Things an account holder must be told at their next sign-in (shown once): for now, that someone
 * issued a code to reset their password. `byUserId` is who did it.
 */
export const accountNotices = sqliteTable(
	'account_notices',
	{
		id: text('id').primaryKey(),
		userId: deletedWith('user_id', () => users.id),
		kind: text('kind', { enum: ['password_reset'] }).notNull(),
		byUserId: text('by_user_id').references(() => users.id),
		createdAt: integer('created_at').notNull(),
		seenAt: integer('seen_at')
	},
	(t) => [index('account_notices_user_idx').on(t.userId)]
);
