/**
 * Throttling of sign-in and invite-code attempts: a few free tries, then a growing wait, capped.
 * A growing wait (rather than a hard lock) means another child cannot lock someone out for long.
 */
export interface ThrottlePolicy {
	freeAttempts: number;
	firstWaitMs: number;
	maxWaitMs: number;
	/** Failures older than this are forgotten. */
	resetAfterMs: number;
}

export const SIGN_IN_ACCOUNT: ThrottlePolicy = {
	freeAttempts: 5,
	firstWaitMs: 30_000,
	maxWaitMs: 15 * 60_000,
	resetAfterMs: 60 * 60_000
};

export const SIGN_IN_ADDRESS: ThrottlePolicy = {
	freeAttempts: 20,
	firstWaitMs: 60_000,
	maxWaitMs: 30 * 60_000,
	resetAfterMs: 60 * 60_000
};

export const INVITE_ADDRESS: ThrottlePolicy = {
	freeAttempts: 10,
	firstWaitMs: 60_000,
	maxWaitMs: 60 * 60_000,
	resetAfterMs: 60 * 60_000
};

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
