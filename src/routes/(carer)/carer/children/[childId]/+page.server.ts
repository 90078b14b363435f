import type { PageServerLoad } from './$types';
import { requireChild } from '$lib/server/access';
import { childSummary } from '$lib/server/home';

export const load: PageServerLoad = ({ params }) => {
	const child = requireChild(params.childId, 'view', 'carer');
	return childSummary(child);
};
