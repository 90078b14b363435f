import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { childrenOfCarerUser } from '$lib/server/children';
import { childSummary, homeMeetings } from '$lib/server/home';
// The carer's views for each child's next meeting, and any reminder.
import { carerIdsOfUser } from '$lib/server/carers';
import { carerPreparation } from '$lib/server/progress';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('carer');
	const carerIds = carerIdsOfUser(user.id);
	const now = Date.now();
	return {
		name: user.displayName,
		children: childrenOfCarerUser(user.id).map((child) => {
			const carerId = carerIds.get(child.id);
			const meetings = homeMeetings(child.id, now);
			return {
				...childSummary(child, now, meetings),
				preparation: carerId ? carerPreparation(child.id, carerId, now, meetings.next) : null
			};
		}),
		welcome: url.searchParams.has('welcome'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};
