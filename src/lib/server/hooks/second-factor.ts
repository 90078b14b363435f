import { redirect, type Handle } from '@sveltejs/kit';
import { secondFactorStepOf } from '../passkeys';
import { allowedBeforeSecondFactor, PASSKEYS_PAGE, SECOND_FACTOR_PAGE } from '$lib/domain/second-factor';

/**
 * A staff session that still owes its second factor reaches nothing but that step's page (use a
 * passkey or a recovery code, or set a passkey up), signing out, the quick exit and the display
 * settings. Everything else, pages and form actions alike, is sent to that step first and comes back
 * afterwards. The rule is `domain/second-factor.ts`.
 */
export const handleSecondFactor: Handle = async ({ event, resolve }) => {
	const { user } = event.locals;
	if (!user) return resolve(event);
	const step = secondFactorStepOf(user, event.locals.secondFactorAt ?? null);
	if (allowedBeforeSecondFactor(step, event.url.pathname)) return resolve(event);
	const page = step === 'verify' ? SECOND_FACTOR_PAGE : PASSKEYS_PAGE;
	const back = event.request.method === 'GET' ? event.url.pathname + event.url.search : event.url.pathname;
	redirect(303, `${page}?returnTo=${encodeURIComponent(back)}`);
};
