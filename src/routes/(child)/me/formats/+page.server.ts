import type { Actions, PageServerLoad } from './$types';
import { requireOwnChild } from '$lib/server/access';
import { askingPage, askPosted } from '$lib/server/formats';

/** A child asks for a document in a format or language (issue 13), and sees what they asked for. */
export const load: PageServerLoad = () => askingPage(requireOwnChild().id);

export const actions: Actions = {
	ask: (event) => askPosted(event, requireOwnChild().id, 'child')
};
