import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { caseload } from '$lib/server/children';

export const load: PageServerLoad = () => {
	const user = requireRole('iro');
	return { name: user.displayName, rows: caseload(user.id) };
};
