import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { homeOf } from '$lib/routes';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homeOf(locals.user.role));
};
