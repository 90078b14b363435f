import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { childrenOfCarerUser } from '$lib/server/children';
import { childSummary } from '$lib/server/home';
// The carer's views for each child's next meeting, and any reminder.
import { carerIdsOfUser } from '$lib/server/carers';
import { carerPreparation } from '$lib/server/progress';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('carer');
	const carerIds = carerIdsOfUser(user.id);
	return {
		name: user.displayName,
		children: childrenOfCarerUser(user.id).map((child) => {
			const carerId = carerIds.get(child.id);
			return {
				...childSummary(child),
				preparation: carerId ? carerPreparation(child.id, carerId) : null
			};
		}),
		welcome: url.searchParams.has('welcome'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};
