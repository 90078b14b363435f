import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { isLocal } from './session';

/**
 * Known devices (OWASP's "device cookies"): a browser that signed in to an account is given a cookie
 * that names the account, a random nonce and a MAC keyed by the account's password hash (never sent
 * anywhere, and changing the password retires every device). The throttle then judges that browser
 * only by its own failures, so nobody else's wrong passwords can keep the account holder out of it.
 * One cookie holds the few accounts used on one browser (a family computer).
 */
export const DEVICE_COOKIE = 'vb_device';
const MAX_ACCOUNTS = 4;
const YEAR_S = 365 * 24 * 60 * 60;

interface DeviceEntry {
	userId: string;
	nonce: string;
	mac: string;
}

function macOf(passwordHash: string, userId: string, nonce: string): string {
	return createHmac('sha256', passwordHash)
		.update(`device:${userId}:${nonce}`)
		.digest('base64url')
		.slice(0, 32);
}

function entriesOf(value: string | undefined): DeviceEntry[] {
	if (!value || value.length > 1000) return [];
	return value
		.split('~')
		.map((part) => part.split(':'))
		.filter((p) => p.length === 3 && p.every((x) => /^[\w-]{1,64}$/.test(x)))
		.map(([userId, nonce, mac]) => ({ userId, nonce, mac }));
}

/** This browser's device id for the account (its nonce), if the cookie proves it signed in before. */
export function knownDeviceOf(
	cookies: Pick<Cookies, 'get'>,
	account: { id: string; passwordHash: string } | undefined
): string | null {
	if (!account) return null;
	const entry = entriesOf(cookies.get(DEVICE_COOKIE)).find((e) => e.userId === account.id);
	if (!entry) return null;
	const expected = Buffer.from(macOf(account.passwordHash, account.id, entry.nonce));
	const given = Buffer.from(entry.mac);
	return expected.length === given.length && timingSafeEqual(expected, given) ? entry.nonce : null;
}

/** After a successful sign-in: this browser is known to the account from now on. */
export function rememberDevice(
	cookies: Pick<Cookies, 'get' | 'set'>,
	url: URL,
	account: { id: string; passwordHash: string }
): void {
	const others = entriesOf(cookies.get(DEVICE_COOKIE)).filter((e) => e.userId !== account.id);
	const nonce = randomBytes(12).toString('base64url');
	const mine = { userId: account.id, nonce, mac: macOf(account.passwordHash, account.id, nonce) };
	const value = [mine, ...others]
		.slice(0, MAX_ACCOUNTS)
		.map((e) => `${e.userId}:${e.nonce}:${e.mac}`)
		.join('~');
	cookies.set(DEVICE_COOKIE, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: !isLocal(url),
		maxAge: YEAR_S
	});
}
