import type { PageServerLoad } from './$types';
import { notFound, requireRole } from '$lib/server/access';
import { childOfUser } from '$lib/server/children';
import { childSummary } from '$lib/server/home';
// What the child has done for their next meeting, and any reminder.
import { childChecklist } from '$lib/server/pack';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('child');
	const child = childOfUser(user.id);
	if (!child) notFound();
	return {
		...childSummary(child),
		checklist: childChecklist(child),
		welcome: url.searchParams.has('welcome'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};
