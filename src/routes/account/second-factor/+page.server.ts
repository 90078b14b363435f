import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { recoveryCodeSchema, usePasskeySchema } from '$lib/forms/passkeys';
import { done, failWith, parseForm } from '$lib/server/forms';
import { requireSecondFactorDue } from '$lib/server/access';
import { authenticationOptions, usePasskey, useRecoveryCode } from '$lib/server/passkeys';
import { checkThrottle, clearFailures, recordFailure } from '$lib/server/auth/throttle';
import { SIGN_IN_ACCOUNT } from '$lib/domain/throttle';
import { PASSKEYS_PAGE } from '$lib/domain/second-factor';
import { homeOf, safeReturnTo } from '$lib/routes';
import { formatTime } from '$lib/format';
import { localeInfo } from '$lib/i18n/locales';

/**
 * After the password, a staff member who has a passkey uses it here, or one of their recovery codes
 * (which works without JavaScript). Nothing here runs out: a slow answer only asks for another try.
 */
function nextOf(url: URL, form?: FormData): string {
	const given = form?.get('returnTo') ?? url.searchParams.get('returnTo');
	return safeReturnTo(given, url.origin, '');
}

export const load: PageServerLoad = ({ url }) => {
	const next = nextOf(url);
	requireSecondFactorDue(next || undefined);
	return { returnTo: next };
};

export const actions: Actions = {
	options: async () => {
		const { user, sessionId } = requireSecondFactorDue();
		return done('options', { options: await authenticationOptions(user.id, sessionId) });
	},
	passkey: async ({ request, url }) => {
		const { user, sessionId } = requireSecondFactorDue();
		const form = await request.formData();
		const parsed = parseForm(usePasskeySchema, form);
		if (parsed.failure) return parsed.failure;
		const used = await usePasskey(user.id, sessionId, parsed.data.response);
		if (used !== 'ok') return failWith(form, { response: `passkeys:errors.${used}` });
		redirect(303, nextOf(url, form) || homeOf(user.role));
	},
	recovery: async ({ request, locals }) => {
		const { user, sessionId } = requireSecondFactorDue();
		const form = await request.formData();
		const parsed = parseForm(recoveryCodeSchema, form);
		if (parsed.failure) return parsed.failure;
		const key = `recovery:${user.id}`;
		const blocked = checkThrottle(key, SIGN_IN_ACCOUNT);
		if (blocked) {
			const time = formatTime(blocked + 60_000, localeInfo(locals.lang).intl);
			return failWith(form, { code: `passkeys:errors.tooMany|time=${time}` }, 429);
		}
		if (!(await useRecoveryCode(user.id, sessionId, parsed.data.code))) {
			recordFailure(key, SIGN_IN_ACCOUNT);
			return failWith(form, { code: 'passkeys:errors.codeWrong' });
		}
		clearFailures(key);
		// Their passkeys page says how many codes are left, and how to replace a lost passkey.
		redirect(303, `${PASSKEYS_PAGE}?done=recovery`);
	}
};
