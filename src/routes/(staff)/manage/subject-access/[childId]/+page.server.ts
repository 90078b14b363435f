import type { PageServerLoad } from './$types';
import { requireSubjectAccess } from '$lib/server/access';
import { carersOfChild } from '$lib/server/carers';

/** Subject access: a manager downloads everything held about the child or one of their carers. */
export const load: PageServerLoad = ({ params }) => {
	const { child } = requireSubjectAccess(params.childId, 'child');
	return {
		child: { id: child.id, name: child.fullName },
		carers: carersOfChild(child.id).map(({ carer, relationship }) => ({
			id: carer.id,
			name: carer.fullName,
			relationship
		}))
	};
};
