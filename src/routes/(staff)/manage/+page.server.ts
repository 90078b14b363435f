import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { listIros } from '$lib/server/accounts';
import { caseload } from '$lib/server/children';

export const load: PageServerLoad = ({ url }) => {
	requireRole('manager');
	const rows = caseload(null);
	return {
		iros: listIros(),
		rows,
		unallocated: rows.filter((r) => !r.child.iroId).length,
		iroAdded: url.searchParams.has('iroAdded')
	};
};
