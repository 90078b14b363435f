import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireCarerLink } from '$lib/server/access';
import { unlinkCarer } from '$lib/server/ending';
import { keepTyped, parseForm } from '$lib/server/forms';
import { unlinkSchema } from '$lib/forms/records';
import { callName } from '$lib/domain/names';

/** Unlinking a carer from a child: the child's IRO or a manager, after a page that says what will happen. */
export const load: PageServerLoad = ({ params }) => {
	const { child, carer, otherChildren, canEndAccount } = requireCarerLink(params.childId, params.carerId);
	return {
		child: { id: child.id, name: callName(child) },
		carer: { id: carer.id, name: carer.fullName, hasAccount: carer.userId !== null },
		otherChildren,
		canEndAccount
	};
};

export const actions: Actions = {
	default: keepTyped('endAccount', async ({ params, request }) => {
		const { user, child, carer, canEndAccount } = requireCarerLink(params.childId, params.carerId);
		const parsed = parseForm(unlinkSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		unlinkCarer(
			{ childId: child.id, carerId: carer.id, endAccount: canEndAccount && parsed.data.endAccount },
			user.id
		);
		redirect(303, `/iro/children/${child.id}?unlinked=${encodeURIComponent(carer.id)}`);
	})
};
