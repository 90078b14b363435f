import type { Cookies } from '@sveltejs/kit';
import { findByLogin, normaliseUsername, type User } from '../accounts';
import { burnPasswordTime, PasswordBusy, verifyPassword } from './password';
import { signInThrottle } from './throttle';
import { knownDeviceOf } from './devices';
import { minutesToWait } from '$lib/domain/throttle';

export type SignInResult =
	{ kind: 'tooMany'; minutes: number } | { kind: 'busy' } | { kind: 'wrong' } | { kind: 'in'; user: User };

/**
 * One sign-in attempt under the throttle (rules in $lib/domain/throttle): by account and address
 * together, and a browser that signed in to this account before only by its own failures. A refused
 * attempt does not check the password (so it is not a free guess); the answer never says whether the
 * account exists. When too many sign-ins already wait for the password check (`password.ts`), the
 * attempt is refused as `busy` without counting as a failure: the person tries again in a moment.
 */
export async function attemptSignIn(
	input: { login: string; password: string; address: string; cookies: Pick<Cookies, 'get'> },
	now = Date.now()
): Promise<SignInResult> {
	const user = findByLogin(input.login);
	// Keyed by the account, not what was typed, so a username and an email address share one count.
	const throttle = signInThrottle(
		user?.id ?? normaliseUsername(input.login),
		input.address,
		knownDeviceOf(input.cookies, user),
		now
	);
	if (throttle.blockedUntil) return { kind: 'tooMany', minutes: minutesToWait(throttle.blockedUntil, now) };
	let ok: boolean;
	try {
		ok = user
			? await verifyPassword(user.passwordHash, input.password, { refusable: true })
			: (await burnPasswordTime(input.password, { refusable: true }), false);
	} catch (error) {
		if (error instanceof PasswordBusy) return { kind: 'busy' };
		throw error;
	}
	if (!user || !ok) {
		throttle.failed();
		return { kind: 'wrong' };
	}
	throttle.succeeded();
	return { kind: 'in', user };
}
