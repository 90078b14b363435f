import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { keptQuery, tables, write, writeIfFree } from '../db';
import { newId } from '../ids';
import { isSessionExpired, shouldTouch, IDLE_TIMEOUT_MS, type Role } from '$lib/domain/session-policy';
import type { Address } from '$lib/domain/address';

/**
 * Sessions as the Lucia guide now ships them: the cookie holds `<id>.<secret>`; the database keeps
 * only a SHA-256 of the secret, compared in constant time. Expiry is by inactivity (see session-policy).
 */
const { children, sessions, users } = tables;

export interface SessionUser {
	id: string;
	role: Role;
	username: string;
	displayName: string;
	language: string | null;
	display: string | null;
	address: Address | null;
	/** A child's "use the picture version" (their record's; false for everyone else). */
	pictureVersion: boolean;
}

/** What a session reads of its user: the `SessionUser`, and what says whether the session still holds. */
const sessionUserColumns = {
	id: users.id,
	role: users.role,
	username: users.username,
	displayName: users.displayName,
	language: users.language,
	display: users.display,
	address: users.address,
	pictureVersion: children.pictureVersion,
	passwordChangedAt: users.passwordChangedAt,
	deactivatedAt: users.deactivatedAt
};

function hashSecret(secret: string): Buffer {
	return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

/**
 * `secondFactorAt`: when the holder used their second factor, carried over when a session is replaced
 * (a password change) so that it is not asked again.
 */
export async function createSession(
	userId: string,
	now = Date.now(),
	secondFactorAt: number | null = null
): Promise<string> {
	const id = newId();
	const secret = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
	write((tx) =>
		tx
			.insert(sessions)
			.values({ id, secretHash: hashSecret(secret), userId, createdAt: now, lastSeenAt: now, secondFactorAt })
			.run()
	);
	return `${id}.${secret}`;
}

export function validateSessionToken(token: string, now = Date.now()): SessionUser | null {
	return validateSession(token, now)?.user ?? null;
}

const sessionQuery = keptQuery((db) =>
	db
		.select({ session: sessions, user: sessionUserColumns })
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		// A child's own record, for the picture version every page's settings show.
		.leftJoin(children, eq(children.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

/** The session's user, and when (if ever) this session used a second factor. */
export function validateSession(
	token: string,
	now = Date.now()
): { user: SessionUser; secondFactorAt: number | null } | null {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined || id.length > 64 || secret.length > 64) return null;
	const row = sessionQuery().get({ id });
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), row.session.secretHash)) return null;
	const { passwordChangedAt, deactivatedAt, pictureVersion, ...rest } = row.user;
	const user = { ...rest, pictureVersion: pictureVersion ?? false };
	// A closed account's sessions end when it closes (ending.ts); this catches any left behind.
	if (
		deactivatedAt !== null ||
		isSessionExpired({ ...row.session, role: user.role, passwordChangedAt }, now)
	) {
		invalidateSession(id);
		return null;
	}
	if (shouldTouch(row.session.lastSeenAt, now)) {
		writeIfFree((tx) => tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run());
	}
	return { user, secondFactorAt: row.session.secondFactorAt };
}

/** This session has used its second factor (a passkey or a recovery code). */
export function markSecondFactor(sessionId: string, now = Date.now()): void {
	write((tx) => tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.id, sessionId)).run());
}

export function sessionIdOf(token: string): string {
	return token.split('.')[0];
}

export function invalidateSession(sessionId: string): void {
	write((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)).run());
}

export function invalidateUserSessions(userId: string): void {
	write((tx) => tx.delete(sessions).where(eq(sessions.userId, userId)).run());
}

export function isLocal(url: URL) {
	return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** `__Host-` prefixed and Secure everywhere but plain-HTTP localhost. */
export function sessionCookieName(url: URL): string {
	return isLocal(url) ? 'vb_session' : '__Host-vb_session';
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, role: Role) {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: !isLocal(url),
		maxAge: Math.floor(IDLE_TIMEOUT_MS[role] / 1000)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(sessionCookieName(url), { path: '/', secure: !isLocal(url) });
}

/** Ends this request's session, on the server and in the browser (signing out, and the quick exit). */
export function endSession(event: Pick<RequestEvent, 'locals' | 'cookies' | 'url'>) {
	if (event.locals.sessionId) invalidateSession(event.locals.sessionId);
	deleteSessionCookie(event.cookies, event.url);
	event.locals.user = null;
}
