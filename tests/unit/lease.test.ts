import { describe, expect, it } from 'vitest';

/** The lease that lets exactly one process run the background work (server/lease.ts). */
const { holdLease, releaseLease, leaseOf } = await import('../../src/lib/server/lease');
const { startBackgroundWork, BACKGROUND_LEASE } = await import('../../src/lib/server/background');

const T = 1_800_000_000_000;
const TTL = 60_000;

describe('the lease', () => {
	it('of two holders asking at once, only one wins', () => {
		expect(holdLease('job-a', 'one', TTL, T)).toBe(true);
		expect(holdLease('job-a', 'two', TTL, T)).toBe(false);
		expect(holdLease('job-a', 'two', TTL, T + TTL - 1)).toBe(false);
		expect(leaseOf('job-a')).toMatchObject({ holder: 'one', takenAt: T, expiresAt: T + TTL });
	});

	it('renewing keeps it, for as long as the holder keeps renewing', () => {
		expect(holdLease('job-b', 'one', TTL, T)).toBe(true);
		for (let t = T + 20_000; t < T + 10 * TTL; t += 20_000) {
			expect(holdLease('job-b', 'one', TTL, t)).toBe(true);
			expect(holdLease('job-b', 'two', TTL, t + 1)).toBe(false);
		}
		expect(leaseOf('job-b')).toMatchObject({ holder: 'one', takenAt: T });
	});

	it('an expired lease is handed over, and the old holder cannot take it back until it expires again', () => {
		expect(holdLease('job-c', 'one', TTL, T)).toBe(true);
		expect(holdLease('job-c', 'two', TTL, T + TTL)).toBe(true);
		expect(leaseOf('job-c')).toMatchObject({ holder: 'two', takenAt: T + TTL });
		expect(holdLease('job-c', 'one', TTL, T + TTL + 1)).toBe(false);
	});

	it('a released lease is free at once; releasing another holder’s lease does nothing', () => {
		expect(holdLease('job-d', 'one', TTL, T)).toBe(true);
		releaseLease('job-d', 'two');
		expect(holdLease('job-d', 'two', TTL, T + 1)).toBe(false);
		releaseLease('job-d', 'one');
		expect(leaseOf('job-d')).toBeUndefined();
		expect(holdLease('job-d', 'two', TTL, T + 2)).toBe(true);
	});
});

describe('the background work', () => {
	it('starts in the process that holds the lease only, and gives the lease up when stopped', () => {
		const stopFirst = startBackgroundWork('first');
		const stopSecond = startBackgroundWork('second');
		expect(leaseOf(BACKGROUND_LEASE)?.holder).toBe('first');
		stopFirst();
		expect(leaseOf(BACKGROUND_LEASE)).toBeUndefined();
		stopSecond();
	});
});
