import { eq, sql } from 'drizzle-orm';
import { db, tables, write } from '../db';
import { blockedUntil, type ThrottlePolicy } from '$lib/domain/throttle';

const { attempts } = tables;

/** Stored failure counts per key, read through the pure policy in $lib/domain/throttle. */
export function checkThrottle(key: string, policy: ThrottlePolicy, now = Date.now()): number | null {
	const record = db().select().from(attempts).where(eq(attempts.key, key)).get();
	return blockedUntil(record, policy, now);
}

export function recordFailure(key: string, policy: ThrottlePolicy, now = Date.now()): void {
	const stale = now - policy.resetAfterMs;
	write((tx) =>
		tx
			.insert(attempts)
			.values({ key, failures: 1, lastFailureAt: now })
			.onConflictDoUpdate({
				target: attempts.key,
				set: {
					failures: sql`case when ${attempts.lastFailureAt} <= ${stale} then 1 else ${attempts.failures} + 1 end`,
					lastFailureAt: now
				}
			})
			.run()
	);
}

export function clearFailures(key: string): void {
	write((tx) => tx.delete(attempts).where(eq(attempts.key, key)).run());
}
