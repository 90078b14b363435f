import type { PageServerLoad } from './$types';
import { requireChild } from '$lib/server/access';
import { auditRead, trailOfChild } from '$lib/server/audit';

/**
 * The child's audit trail: who opened or changed their record, when and what, newest first, 50 at a
 * time. For the child's IRO and managers (404 for anyone else); looking at it is recorded too.
 */
export const load: PageServerLoad = ({ params, url, locals }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	const after = url.searchParams.get('after');
	if (!after) auditRead(locals.user!, 'audit', { childId: child.id });
	const trail = trailOfChild(child.id, after);
	return {
		child: { id: child.id, name: child.fullName },
		rows: trail.rows,
		next: trail.next ? `?after=${encodeURIComponent(trail.next)}` : null,
		isManager: locals.user!.role === 'manager',
		older: Boolean(after)
	};
};
