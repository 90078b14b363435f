import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ locals, cookies, url }) => {
		if (locals.sessionId) invalidateSession(locals.sessionId);
		deleteSessionCookie(cookies, url);
		locals.user = null;
		redirect(303, '/signin?signedOut=1');
	}
};
