import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { endSession } from '$lib/server/auth/session';
import { config } from '$lib/server/config';

/**
 * The quick exit ("Leave this site now"). It signs out as it leaves, so whoever picks up the phone
 * next finds nothing: without JavaScript the link comes here (a GET, on purpose: a link is all a
 * child under pressure can press) and goes on to the neutral site; with JavaScript the page posts
 * here in the background and leaves at once.
 */
function leave(event: RequestEvent) {
	endSession(event);
	redirect(303, config().quickExitUrl);
}

export const load: PageServerLoad = (event) => leave(event);

export const actions: Actions = {
	default: (event) => leave(event)
};
