import type { PageServerLoad } from './$types';
import { requireStaffMember } from '$lib/server/access';
import { readsBy } from '$lib/server/audit';

/** Which children's records one member of staff opened or changed, when and what: for managers only. */
export const load: PageServerLoad = ({ params, url }) => {
	const member = requireStaffMember(params.userId);
	const after = url.searchParams.get('after');
	const reads = readsBy(member.id, after);
	return {
		member: { id: member.id, name: member.displayName, role: member.role },
		rows: reads.rows,
		next: reads.next ? `?after=${encodeURIComponent(reads.next)}` : null,
		older: Boolean(after)
	};
};
