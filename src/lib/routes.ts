import type { Role } from '$lib/domain/session-policy';

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
	return { child: '/me', carer: '/carer', iro: '/iro', manager: '/manage' }[role];
}

/** A same-site path to go back to, or the fallback: never another origin, never "//host". */
export function safeReturnTo(value: unknown, origin: string, fallback: string): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
		return fallback;
	}
	try {
		const url = new URL(value, origin);
		return url.origin === origin ? url.pathname + url.search : fallback;
	} catch {
		return fallback;
	}
}
