import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { keepTyped, parseForm } from '$lib/server/forms';
import { storeOnce, submissionToken } from '$lib/server/submissions';
import { createChild } from '$lib/server/children';
import { childSchema } from '$lib/forms/staff';
import { londonDate } from '$lib/domain/dates';

export const load: PageServerLoad = () => {
	requireRole('iro');
	return { submission: submissionToken() };
};

export const actions: Actions = {
	default: keepTyped('fullName', async ({ request }) => {
		const user = requireRole('iro');
		const form = await request.formData();
		const parsed = parseForm(childSchema(londonDate(Date.now())), form);
		if (parsed.failure) return parsed.failure;
		const id = storeOnce(form, user.id, () => createChild({ ...parsed.data, iroId: user.id }));
		redirect(303, `/iro/children/${id}?added=1`);
	})
};
