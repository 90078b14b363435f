import type { Handle } from '@sveltejs/kit';
import {
	deleteSessionCookie,
	sessionCookieName,
	sessionIdOf,
	setSessionCookie,
	validateSession
} from '../auth/session';
import { readTogether } from '../db';

/** Validates the session cookie on every request; pages never see `undefined`. */
export const handleAuth: Handle = async ({ event, resolve }) => {
	// This request's reads (the session, then its page's) share one read transaction (db/index.ts).
	readTogether();
	const token = event.cookies.get(sessionCookieName(event.url));
	event.locals.user = null;
	event.locals.sessionId = null;
	event.locals.secondFactorAt = null;
	if (token) {
		const session = validateSession(token);
		if (session) {
			const { user } = session;
			event.locals.user = user;
			event.locals.secondFactorAt = session.secondFactorAt;
			event.locals.sessionId = sessionIdOf(token);
			setSessionCookie(event.cookies, event.url, token, user.role);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};
