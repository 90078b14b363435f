import type { Actions, PageServerLoad } from './$types';
import { requireChild, requireRole } from '$lib/server/access';
import { done, failWith, parseForm } from '$lib/server/forms';
import { isIro } from '$lib/server/accounts';
import { allocateChild } from '$lib/server/children';
import { keptCaseload, keptIros } from '$lib/server/kept-figures';
import { allocationSchema } from '$lib/forms/staff';
import { shownFrom } from '$lib/domain/paging';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('manager');
	const [iros, all] = await Promise.all([keptIros(), keptCaseload(null)]);
	// An IRO whose account is closed takes no children; theirs show as needing a new IRO.
	const closedIros = new Set(iros.filter((i) => i.deactivatedAt !== null).map((i) => i.id));
	const open = all.filter((r) => r.child.closedAt === null);
	// A page of children at a time; "Show more" asks for the next.
	const shown = shownFrom(url.searchParams);
	return {
		iros: iros.filter((i) => i.deactivatedAt === null).map((i) => ({ id: i.id, name: i.displayName })),
		shown,
		more: open.length > shown,
		children: open.slice(0, shown).map((r) => ({
			id: r.child.id,
			name: r.child.fullName,
			iroId: r.child.iroId,
			needsNewIro: closedIros.has(r.child.iroId ?? '')
		}))
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
