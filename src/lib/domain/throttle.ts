/**
 * Throttling of sign-in, invite-code and password-change attempts (OWASP's authentication cheat
 * sheet): a few free tries, then a growing wait, capped; never a hard lock. Failures are counted by
 * account AND address together, so someone else's wrong passwords from another address never refuse
 * the account holder's right one from theirs; a known device (one that signed in to the account
 * before, see `auth/devices.ts`) is held back only by its own failures; and one address is slowed,
 * gently, when it fails on many different accounts (spraying one password across usernames), with a
 * short cap so that everyone behind a shared proxy address is never kept out for long.
 */
export interface ThrottlePolicy {
	freeAttempts: number;
	firstWaitMs: number;
	maxWaitMs: number;
	/** Failures older than this are forgotten. */
	resetAfterMs: number;
}

const HOUR = 60 * 60_000;

/** For one account's wrong secrets: 5 free, then 30 seconds, doubling, never more than 15 minutes. */
const ONE_ACCOUNT: ThrottlePolicy = {
	freeAttempts: 5,
	firstWaitMs: 30_000,
	maxWaitMs: 15 * 60_000,
	resetAfterMs: HOUR
};

/** For one address's tries across accounts or codes: 20 free, then 5 seconds, doubling, at most a minute. */
const ONE_ADDRESS: ThrottlePolicy = {
	freeAttempts: 20,
	firstWaitMs: 5_000,
	maxWaitMs: 60_000,
	resetAfterMs: HOUR
};

/** Wrong passwords for one account from one address (a device it does not know). */
export const SIGN_IN_ACCOUNT: ThrottlePolicy = { ...ONE_ACCOUNT };

/**
 * Different accounts failed from one address in an hour (each account counts once): 20 are free,
 * then each try from that address waits 5 seconds, doubling, never more than a minute. Enough for a
 * school's or a council's shared address; a spray across hundreds of usernames crawls.
 */
export const SIGN_IN_ADDRESS: ThrottlePolicy = { ...ONE_ADDRESS };

/** Wrong passwords typed on a known device for its own account. */
export const SIGN_IN_DEVICE: ThrottlePolicy = { ...ONE_ACCOUNT };

/**
 * Wrong invite codes from one address. A code has about 80 bits, so guessing is hopeless anyway:
 * 20 are free, then a wait of 5 seconds, doubling, never more than a minute (a shared address is
 * slowed, never shut out).
 */
export const INVITE_ADDRESS: ThrottlePolicy = { ...ONE_ADDRESS };

/** Wrong current passwords on the change-password form, for one signed-in account. */
export const PASSWORD_CHANGE: ThrottlePolicy = { ...ONE_ACCOUNT };

/** Every policy, for the housekeeping that forgets old failures. */
export const ALL_POLICIES = [
	SIGN_IN_ACCOUNT,
	SIGN_IN_ADDRESS,
	SIGN_IN_DEVICE,
	INVITE_ADDRESS,
	PASSWORD_CHANGE
];

export interface AttemptRecord {
	failures: number;
	lastFailureAt: number;
}

/** Failures that still count at `now`. */
export function activeFailures(record: AttemptRecord | undefined, policy: ThrottlePolicy, now: number) {
	if (!record || now - record.lastFailureAt >= policy.resetAfterMs) return 0;
	return record.failures;
}

/** The instant before which another attempt is refused, or null if one may try now. */
export function blockedUntil(
	record: AttemptRecord | undefined,
	policy: ThrottlePolicy,
	now: number
): number | null {
	const failures = activeFailures(record, policy, now);
	if (!record || failures < policy.freeAttempts) return null;
	const doublings = Math.min(failures - policy.freeAttempts, 20);
	const wait = Math.min(policy.firstWaitMs * 2 ** doublings, policy.maxWaitMs);
	const until = record.lastFailureAt + wait;
	return until > now ? until : null;
}

/** Whole minutes (at least one) to wait from `now` until `until`: what the person is told. */
export function minutesToWait(until: number, now: number): number {
	return Math.max(1, Math.ceil((until - now) / 60_000));
}

/** The throttle records that a sign-in attempt is judged by. */
export interface SignInRecords {
	/** This known device's own failures (only when the device is known to the account). */
	device?: AttemptRecord;
	/** Failures for this account from this address. */
	accountAddress?: AttemptRecord;
	/** Different accounts failed from this address. */
	address?: AttemptRecord;
}

/**
 * When a sign-in may be tried (null: now). A known device answers only for its own failures: nobody
 * else's, from any address, can hold it back. Otherwise this account's failures from this address,
 * and this address's spray across accounts, count; failures for the account from other addresses
 * never do.
 */
export function signInBlockedUntil(records: SignInRecords, knownDevice: boolean, now: number): number | null {
	if (knownDevice) return blockedUntil(records.device, SIGN_IN_DEVICE, now);
	const until = Math.max(
		blockedUntil(records.accountAddress, SIGN_IN_ACCOUNT, now) ?? 0,
		blockedUntil(records.address, SIGN_IN_ADDRESS, now) ?? 0
	);
	return until || null;
}

/**
 * Which records a wrong password adds to: a known device's own; else the account-and-address pair,
 * and the address only the first time this account fails from it (so the address counts accounts
 * tried, not a person's typing mistakes on their own account).
 */
export function signInFailureCounts(
	records: SignInRecords,
	knownDevice: boolean,
	now: number
): Array<'device' | 'accountAddress' | 'address'> {
	if (knownDevice) return ['device'];
	return activeFailures(records.accountAddress, SIGN_IN_ACCOUNT, now) === 0
		? ['accountAddress', 'address']
		: ['accountAddress'];
}
