import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canLinkCarer, notFound, requireChild, requireRole } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { addCarer, carersOfChild, knownCarersWithLinks, linkCarer } from '$lib/server/carers';
import { carerSchema, linkCarerSchema } from '$lib/forms/staff';

/**
 * Carers the signed-in staff member may link to this child: for an IRO, those known on their own
 * caseload only, without an account (see canLinkCarer); for managers, anyone.
 */
function linkable(childId: string, user: NonNullable<App.Locals['user']>) {
	const linked = new Set(carersOfChild(childId).map((c) => c.carer.id));
	return knownCarersWithLinks(user.role === 'manager' ? null : user.id)
		.filter((c) => !linked.has(c.carer.id) && canLinkCarer(user, c))
		.map((c) => c.carer);
}

export const load: PageServerLoad = ({ params, locals }) => {
	const child = requireChild(params.childId, 'manage', 'iro', 'manager');
	return {
		child: { id: child.id, name: child.fullName },
		existing: linkable(child.id, locals.user!).map((c) => ({ id: c.id, name: c.fullName })),
		isManager: locals.user!.role === 'manager',
		submission: submissionToken()
	};
};

export const actions: Actions = {
	add: keepTyped('fullName', async ({ params, request, locals }) => {
		const child = requireChild(params.childId, 'manage', 'iro', 'manager');
		const form = await request.formData();
		const parsed = parseForm(carerSchema, form);
		if (parsed.failure) return parsed.failure;
		const by = requireRole('iro', 'manager').id;
		storeOnce(form, by, () => addCarer(child.id, parsed.data, locals.lang, by));
		redirect(303, `/iro/children/${child.id}?carerAdded=1`);
	}),
	link: async ({ params, request, locals }) => {
		const child = requireChild(params.childId, 'manage', 'iro', 'manager');
		const parsed = parseForm(linkCarerSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		if (!linkable(child.id, locals.user!).some((c) => c.id === parsed.data.carerId)) notFound();
		linkCarer(child.id, parsed.data.carerId, parsed.data.relationship, locals.lang, locals.user!.id);
		redirect(303, `/iro/children/${child.id}?carerAdded=1`);
	}
};
