import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { signInSchema } from '$lib/forms/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { findByLogin, normaliseUsername } from '$lib/server/accounts';
import { burnPasswordTime, verifyPassword } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { checkThrottle, clearFailures, recordFailure } from '$lib/server/auth/throttle';
import { hasUnseenNotices } from '$lib/server/password-reset';
import { SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS } from '$lib/domain/throttle';
import { homeOf, safeReturnTo } from '$lib/routes';
import { formatTime } from '$lib/format';
import { localeInfo } from '$lib/i18n/locales';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, homeOf(locals.user.role));
	return { returnTo: url.searchParams.get('returnTo') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, getClientAddress }) => {
		const form = await request.formData();
		const parsed = parseForm(signInSchema, form);
		if (parsed.failure) return parsed.failure;
		const { login, password } = parsed.data;

		const accountKey = `account:${normaliseUsername(login)}`;
		const addressKey = `ip:${getClientAddress()}`;
		const blocked = Math.max(
			checkThrottle(accountKey, SIGN_IN_ACCOUNT) ?? 0,
			checkThrottle(addressKey, SIGN_IN_ADDRESS) ?? 0
		);
		if (blocked) {
			const time = formatTime(blocked + 60_000, localeInfo(locals.lang).intl);
			return failWith(form, { login: `errors:signIn.tooMany|time=${time}` }, 429);
		}

		const user = findByLogin(login);
		const ok = user
			? await verifyPassword(user.passwordHash, password)
			: (await burnPasswordTime(password), false);
		if (!user || !ok) {
			recordFailure(accountKey, SIGN_IN_ACCOUNT);
			recordFailure(addressKey, SIGN_IN_ADDRESS);
			return failWith(form, { login: 'errors:signIn.wrong' });
		}

		// A closed account: only someone who knows its password learns that it is closed (see README).
		if (user.deactivatedAt !== null) return failWith(form, { login: 'records:signIn.closed' }, 403);

		clearFailures(accountKey);
		const token = await createSession(user.id);
		setSessionCookie(cookies, url, token, user.role);
		const next = safeReturnTo(form.get('returnTo'), url.origin, homeOf(user.role));
		// Something to tell the account holder first (a password reset code was issued): shown once.
		if (hasUnseenNotices(user.id)) redirect(303, `/account/notices?returnTo=${encodeURIComponent(next)}`);
		redirect(303, next);
	}
};
