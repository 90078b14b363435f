import { sqliteTable, text, integer, blob, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './people';
import { deletedWith } from './column-kinds';
import { sessions } from './auth';

/** A staff member's passkeys (WebAuthn credentials), their second factor. Only the public key is kept. */
export const passkeys = sqliteTable(
	'passkeys',
	{
		id: text('id').primaryKey(),
		userId: deletedWith('user_id', () => users.id),
		/** The credential id the authenticator gave, base64url. */
		credentialId: text('credential_id').notNull().unique(),
		publicKey: blob('public_key', { mode: 'buffer' }).notNull(),
		counter: integer('counter').notNull().default(0),
		/** The authenticator's transports, comma-separated ("internal,hybrid"). */
		transports: text('transports').notNull().default(''),
		/** What the staff member called it ("Work laptop"). */
		name: text('name').notNull(),
		createdAt: integer('created_at').notNull(),
		lastUsedAt: integer('last_used_at')
	},
	(t) => [index('passkeys_user_idx').on(t.userId)]
);

/** One-time recovery codes, for when a passkey is lost. Only an argon2 hash of each is kept. */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		id: text('id').primaryKey(),
		userId: deletedWith('user_id', () => users.id),
		codeHash: text('code_hash').notNull(),
		createdAt: integer('created_at').notNull(),
		usedAt: integer('used_at')
	},
	(t) => [index('recovery_codes_user_idx').on(t.userId)]
);

/** The challenge of a passkey ceremony under way: one a session and purpose, used once, short-lived. */
export const webauthnChallenges = sqliteTable(
	'webauthn_challenges',
	{
		sessionId: deletedWith('session_id', () => sessions.id),
		purpose: text('purpose', { enum: ['register', 'authenticate'] }).notNull(),
		challenge: text('challenge').notNull(),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.purpose] })]
);
