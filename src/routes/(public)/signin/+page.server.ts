import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signInSchema } from '$lib/forms/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { clientAddress } from '$lib/server/auth/throttle';
import { rememberDevice } from '$lib/server/auth/devices';
import { attemptSignIn } from '$lib/server/auth/sign-in';
import { hasUnseenNotices } from '$lib/server/password-reset';
import { homeOf, safeReturnTo } from '$lib/routes';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeOf(locals.user.role));
	return { returnTo: url.searchParams.get('returnTo') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = await request.formData();
		const parsed = parseForm(signInSchema, form);
		if (parsed.failure) return parsed.failure;
		const { login, password } = parsed.data;

		const result = await attemptSignIn({ login, password, address: clientAddress(event), cookies });
		if (result.kind === 'tooMany') {
			return failWith(form, { login: `errors:signIn.tooMany|count=${result.minutes}` }, 429);
		}
		// Too many sign-ins waiting for the password check: what was typed is kept (not the password).
		if (result.kind === 'busy') return failWith(form, { login: 'errors:signIn.busy' }, 503);
		if (result.kind === 'wrong') return failWith(form, { login: 'errors:signIn.wrong' });

		const { user } = result;
		// A closed account: only someone who knows its password learns that it is closed (see README).
		if (user.deactivatedAt !== null) return failWith(form, { login: 'records:signIn.closed' }, 403);
		rememberDevice(cookies, url, user);
		const token = await createSession(user.id);
		setSessionCookie(cookies, url, token, user.role);
		const next = safeReturnTo(form.get('returnTo'), url.origin, homeOf(user.role));
		// Something to tell the account holder first (a password reset code was issued): shown once.
		if (hasUnseenNotices(user.id)) redirect(303, `/account/notices?returnTo=${encodeURIComponent(next)}`);
		redirect(303, next);
	}
};
