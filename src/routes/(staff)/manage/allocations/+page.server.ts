import type { Actions, PageServerLoad } from './$types';
import { requireChild, requireRole } from '$lib/server/access';
import { done, failWith, parseForm } from '$lib/server/forms';
import { isIro } from '$lib/server/accounts';
import { allocateChild } from '$lib/server/children';
import { keptAllocations, keptIros } from '$lib/server/kept-figures';
import { allocationSchema } from '$lib/forms/staff';
import { shownFrom } from '$lib/domain/paging';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('manager');
	// A page of children at a time; "Show more" asks for the next.
	const shown = shownFrom(url.searchParams);
	const [iros, list] = await Promise.all([keptIros(), keptAllocations(shown)]);
	return {
		// An IRO whose account is closed takes no children; theirs show as needing a new IRO.
		iros: iros.filter((i) => i.deactivatedAt === null).map((i) => ({ id: i.id, name: i.displayName })),
		shown,
		more: list.more,
		children: list.children
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const manager = requireRole('manager');
		const form = await request.formData();
		const parsed = parseForm(allocationSchema, form);
		if (parsed.failure) return parsed.failure;
		const child = requireChild(parsed.data.childId, 'manage', 'manager');
		const iroId = parsed.data.iroId || null;
		if (iroId && !isIro(iroId))
			return failWith(form, { [`iro-${child.id}`]: 'errors:allocation.iroRequired' });
		allocateChild(child.id, iroId, manager.id);
		return done('allocated', { childId: child.id });
	}
};
