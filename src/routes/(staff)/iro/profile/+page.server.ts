import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/access';
import { done, parseForm } from '$lib/server/forms';
import { getUser, saveProfile } from '$lib/server/accounts';
import { profileSchema } from '$lib/forms/staff';
import { failWith } from '$lib/server/forms';
import { hasPhoto, photoUploadTooBig, preparePhoto, removePhoto, savePhoto } from '$lib/server/photos';
import { isTooLarge } from '$lib/server/hooks/body';

export const load: PageServerLoad = () => {
	const user = requireRole('iro');
	const account = getUser(user.id)!;
	return {
		profile: {
			displayName: account.displayName,
			aboutMe: account.aboutMe ?? '',
			contactInfo: account.contactInfo ?? '',
			phone: account.phone ?? ''
		},
		photo: hasPhoto(user.id) ? `/people/${user.id}/photo?v=${Date.now()}` : null
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = requireRole('iro');
		const parsed = parseForm(profileSchema, await request.formData());
		if (parsed.failure) return parsed.failure;
		// Kept with the words: the language of the page they were written on, for a screen reader's voice.
		saveProfile(user.id, { ...parsed.data, profileLang: locals.lang });
		return done('saved');
	},
	/** Only real JPEG, PNG or WebP images under 2 MB; stored re-encoded, without metadata. */
	photo: async ({ request }) => {
		const user = requireRole('iro');
		// Too big at any size: known from the length before reading it, or when reading hits the limit.
		const tooBig = () => failWith(new FormData(), { photo: 'errors:photo.tooBig' }, 413);
		if (photoUploadTooBig(request.headers.get('content-length'))) return tooBig();
		const form = await request.formData().catch((cause) => {
			if (isTooLarge(cause)) return null;
			throw cause;
		});
		if (!form) return tooBig();
		const file = form.get('photo');
		const prepared = await preparePhoto(file instanceof File ? file : null);
		if ('problem' in prepared) return failWith(form, { photo: `errors:photo.${prepared.problem}` });
		savePhoto(user.id, prepared.image);
		return done('photoSaved');
	},
	removePhoto: () => {
		const user = requireRole('iro');
		removePhoto(user.id);
		return done('photoRemoved');
	}
};
