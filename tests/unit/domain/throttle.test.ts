import { describe, expect, it } from 'vitest';
import {
	activeFailures,
	blockedUntil,
	SIGN_IN_ACCOUNT,
	type ThrottlePolicy
} from '../../../src/lib/domain/throttle';

const policy: ThrottlePolicy = {
	freeAttempts: 5,
	firstWaitMs: 30_000,
	maxWaitMs: 15 * 60_000,
	resetAfterMs: 60 * 60_000
};
const at = 1_000_000_000;

describe('sign-in throttling', () => {
	it('lets the first attempts through without waiting', () => {
		expect(blockedUntil(undefined, policy, at)).toBeNull();
		expect(blockedUntil({ failures: 4, lastFailureAt: at }, policy, at)).toBeNull();
	});

	it('makes the fifth failure wait 30 seconds, then doubles, capped at 15 minutes', () => {
		expect(blockedUntil({ failures: 5, lastFailureAt: at }, policy, at)).toBe(at + 30_000);
		expect(blockedUntil({ failures: 6, lastFailureAt: at }, policy, at)).toBe(at + 60_000);
		expect(blockedUntil({ failures: 9, lastFailureAt: at }, policy, at)).toBe(at + 480_000);
		expect(blockedUntil({ failures: 50, lastFailureAt: at }, policy, at)).toBe(at + 15 * 60_000);
	});

	it('lets people try again once the wait is over', () => {
		expect(blockedUntil({ failures: 5, lastFailureAt: at }, policy, at + 30_000)).toBeNull();
		expect(blockedUntil({ failures: 5, lastFailureAt: at }, policy, at + 29_999)).toBe(at + 30_000);
	});

	it('forgets old failures after an hour', () => {
		expect(activeFailures({ failures: 9, lastFailureAt: at }, policy, at + 60 * 60_000)).toBe(0);
		expect(activeFailures({ failures: 9, lastFailureAt: at }, policy, at + 60 * 60_000 - 1)).toBe(9);
	});

	it('allows 5 to 10 tries before any wait, as NCSC advises', () => {
		expect(SIGN_IN_ACCOUNT.freeAttempts).toBeGreaterThanOrEqual(5);
		expect(SIGN_IN_ACCOUNT.freeAttempts).toBeLessThanOrEqual(10);
	});
});
