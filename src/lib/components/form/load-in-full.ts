import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For signing in (and joining): once signed in, load the next page in full: <html lang>, dir and the
 * display settings are the account's, and only the server writes them (a client-side navigation would
 * keep the visitor's). Replace this page in the history, so that after "Leave this site now" Back does
 * not come here (which would show the home page again).
 */
export const loadInFull: SubmitFunction =
	() =>
	async ({ result, update }) => {
		if (result.type === 'redirect') window.location.replace(result.location);
		else await update();
	};
