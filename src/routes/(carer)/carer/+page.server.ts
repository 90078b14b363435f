import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { childrenOfCarerUser } from '$lib/server/children';
import { childSummary } from '$lib/server/home';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('carer');
	return {
		name: user.displayName,
		children: childrenOfCarerUser(user.id).map((child) => childSummary(child)),
		welcome: url.searchParams.has('welcome'),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};
