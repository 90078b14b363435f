import type { Actions, PageServerLoad } from './$types';
import { requireCarerOf } from '$lib/server/access';
import { askingPage, askPosted } from '$lib/server/formats';
import { callName } from '$lib/domain/names';

/** A linked carer asks for a document about the child in a format or language (issue 13). */
export const load: PageServerLoad = ({ params }) => {
	const { child } = requireCarerOf(params.childId);
	return { child: { id: child.id, name: callName(child) }, ...askingPage(child.id) };
};

export const actions: Actions = {
	ask: (event) => askPosted(event, requireCarerOf(event.params.childId).child.id, 'carer')
};
