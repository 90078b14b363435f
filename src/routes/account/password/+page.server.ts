import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { changePasswordSchema } from '$lib/forms/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/access';
import { getUser, setPassword } from '$lib/server/accounts';
import { verifyPassword } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { checkThrottle, clearFailures, recordFailure } from '$lib/server/auth/throttle';
import { minutesToWait, PASSWORD_CHANGE } from '$lib/domain/throttle';
import { homeOf } from '$lib/routes';

export const load: PageServerLoad = () => {
	requireUser();
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals }) => {
		const user = requireUser();
		const form = await request.formData();
		const parsed = parseForm(changePasswordSchema, form);
		if (parsed.failure) return parsed.failure;
		// Only this account's own sessions can fail here, so the account alone is the key.
		const key = `password-change:${user.id}`;
		const now = Date.now();
		const blocked = checkThrottle(key, PASSWORD_CHANGE, now);
		if (blocked) {
			return failWith(form, { current: `errors:signIn.tooMany|count=${minutesToWait(blocked, now)}` }, 429);
		}
		const account = getUser(user.id);
		if (!account || !(await verifyPassword(account.passwordHash, parsed.data.current))) {
			recordFailure(key, PASSWORD_CHANGE, now);
			return failWith(form, { current: 'errors:password.currentWrong' });
		}
		clearFailures(key);
		// Every session ends, including other devices; this one starts again (its second factor kept).
		await setPassword(user.id, parsed.data.password);
		const token = await createSession(user.id, Date.now(), locals.secondFactorAt ?? null);
		setSessionCookie(cookies, url, token, user.role);
		redirect(303, `${homeOf(user.role)}?passwordChanged=1`);
	}
};
