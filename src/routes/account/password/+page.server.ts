import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { changePasswordSchema } from '$lib/forms/auth';
import { failWith, parseForm } from '$lib/server/forms';
import { requireUser } from '$lib/server/access';
import { getUser, setPassword } from '$lib/server/accounts';
import { verifyPassword } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
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
		const account = getUser(user.id);
		if (!account || !(await verifyPassword(account.passwordHash, parsed.data.current))) {
			return failWith(form, { current: 'errors:password.currentWrong' });
		}
		// Every session ends, including other devices; this one starts again (its second factor kept).
		await setPassword(user.id, parsed.data.password);
		const token = await createSession(user.id, Date.now(), locals.secondFactorAt ?? null);
		setSessionCookie(cookies, url, token, user.role);
		redirect(303, `${homeOf(user.role)}?passwordChanged=1`);
	}
};
