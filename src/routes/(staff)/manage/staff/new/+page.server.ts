import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { failWith, parseForm } from '$lib/server/forms';
import {
	AccountClash,
	createUser,
	isEmailTaken,
	staffNameLooksTaken,
	usernameClash
} from '$lib/server/accounts';
import { staffSchema } from '$lib/forms/staff';

export const load: PageServerLoad = () => {
	requireRole('manager');
};

export const actions: Actions = {
	default: async ({ request }) => {
		requireRole('manager');
		const form = await request.formData();
		const parsed = parseForm(staffSchema, form);
		if (parsed.failure) return parsed.failure;
		if (staffNameLooksTaken(parsed.data.displayName)) {
			return failWith(form, { displayName: 'errors:staff.nameLookAlike' });
		}
		const clash = usernameClash(parsed.data.username);
		if (clash) return failWith(form, { username: `errors:username.${clash}` });
		if (isEmailTaken(parsed.data.email)) return failWith(form, { email: 'errors:email.taken' });
		try {
			await createUser({ role: 'iro', ...parsed.data });
		} catch (error) {
			// Another manager's form took the username or email first (between the checks above and now).
			if (!(error instanceof AccountClash)) throw error;
			return failWith(form, { [error.field]: `errors:${error.field}.taken` });
		}
		redirect(303, '/manage?iroAdded=1');
	}
};
