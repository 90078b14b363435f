import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { parseForm } from '$lib/server/forms';
import { createChild } from '$lib/server/children';
import { childSchema } from '$lib/forms/staff';
import { londonDate } from '$lib/domain/dates';

export const load: PageServerLoad = () => {
	requireRole('iro');
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('iro');
		const form = await request.formData();
		const parsed = parseForm(childSchema(londonDate(Date.now())), form);
		if (parsed.failure) return parsed.failure;
		const id = createChild({ ...parsed.data, iroId: user.id });
		redirect(303, `/iro/children/${id}?added=1`);
	}
};
