import type { Handle } from '@sveltejs/kit';
import {
	deleteSessionCookie,
	sessionCookieName,
	sessionIdOf,
	setSessionCookie,
	validateSessionToken
} from '../auth/session';

/** Validates the session cookie on every request; pages never see `undefined`. */
export const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName(event.url));
	event.locals.user = null;
	event.locals.sessionId = null;
	if (token) {
		const user = validateSessionToken(token);
		if (user) {
			event.locals.user = user;
			event.locals.sessionId = sessionIdOf(token);
			setSessionCookie(event.cookies, event.url, token, user.role);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};
