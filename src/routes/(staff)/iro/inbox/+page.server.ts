import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { inbox } from '$lib/server/messages';
import { caseload } from '$lib/server/children';

export const load: PageServerLoad = ({ url }) => {
	const user = requireRole('iro', 'manager');
	const scope = user.role === 'iro' ? user.id : null;
	const children = caseload(scope).map((r) => ({ id: r.child.id, name: r.child.fullName }));
	const wanted = url.searchParams.get('child');
	const childId = children.some((c) => c.id === wanted) ? wanted : null;
	return { children, childId, conversations: inbox(scope, childId) };
};
