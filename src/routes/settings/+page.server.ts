import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isLocale } from '$lib/i18n/locales';
import { readDisplay, serialiseDisplay } from '$lib/display';
import { savePreferences } from '$lib/server/accounts';
import { DISPLAY_COOKIE, LANGUAGE_COOKIE } from '$lib/server/hooks/page';
import { safeReturnTo } from '$lib/routes';
import { requireOwnChild } from '$lib/server/access';
import { isAddress } from '$lib/domain/address';
import { setPictureVersion } from '$lib/server/children';
import { pictureVersionSchema } from '$lib/forms/records';

const YEAR = 60 * 60 * 24 * 365;

/**
 * Open to everyone: visitors keep their choice in a cookie, signed-in users on their account. A child
 * also chooses how we talk to them (in the settings panel, where their language needs it).
 */
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	language: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const language = form.get('language');
		if (isLocale(language)) {
			cookies.set(LANGUAGE_COOKIE, language, { path: '/', maxAge: YEAR, httpOnly: true, sameSite: 'lax' });
			if (locals.user) savePreferences(locals.user.id, { language });
		}
		redirect(303, safeReturnTo(form.get('returnTo'), url.origin, '/settings'));
	},
	display: async ({ request, cookies, locals, url }) => {
		const form = await request.formData();
		const display = serialiseDisplay(readDisplay((key) => form.get(key)));
		cookies.set(DISPLAY_COOKIE, display, { path: '/', maxAge: YEAR, httpOnly: true, sameSite: 'lax' });
		if (locals.user) savePreferences(locals.user.id, { display });
		redirect(303, safeReturnTo(form.get('returnTo'), url.origin, '/settings'));
	},
	/** "How should we talk to you?": a child's own answer, or "not now" (then never asked again). */
	address: async ({ request, url }) => {
		const child = requireOwnChild();
		const form = await request.formData();
		const address = form.get('address');
		if (isAddress(address) && child.userId) savePreferences(child.userId, { address });
		redirect(303, safeReturnTo(form.get('returnTo'), url.origin, '/settings'));
	},
	/** "Use the picture version": the child's own choice, at any age (audited, as the IRO's is). */
	pictures: async ({ request, url }) => {
		const child = requireOwnChild();
		const form = await request.formData();
		const parsed = pictureVersionSchema.safeParse({ pictures: form.get('pictures') });
		if (parsed.success && child.userId) setPictureVersion(child, parsed.data.pictures === 'on', child.userId);
		redirect(303, safeReturnTo(form.get('returnTo'), url.origin, '/settings'));
	}
};
