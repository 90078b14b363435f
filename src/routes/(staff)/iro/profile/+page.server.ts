import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { parseForm } from '$lib/server/forms';
import { getUser, saveProfile } from '$lib/server/accounts';
import { profileSchema } from '$lib/forms/staff';

export const load: PageServerLoad = () => {
	const user = requireRole('iro');
	const account = getUser(user.id)!;
	return {
		profile: {
			displayName: account.displayName,
			aboutMe: account.aboutMe ?? '',
			contactInfo: account.contactInfo ?? '',
			phone: account.phone ?? ''
		}
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = requireRole('iro');
		const parsed = parseForm(profileSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		saveProfile(user.id, parsed.data);
		return { saved: true };
	}
};
