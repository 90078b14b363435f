import type { RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { db, tables, write } from '../db';
import {
	blockedUntil,
	signInBlockedUntil,
	signInFailureCounts,
	SIGN_IN_ACCOUNT,
	SIGN_IN_ADDRESS,
	SIGN_IN_DEVICE,
	type SignInRecords,
	type ThrottlePolicy
} from '$lib/domain/throttle';

const { attempts } = tables;

/** Stored failure counts per key, read through the pure policy in $lib/domain/throttle. */
export function checkThrottle(key: string, policy: ThrottlePolicy, now = Date.now()): number | null {
	return blockedUntil(attemptOf(key), policy, now);
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

/** The stored failures under `key`, if any. */
export function attemptOf(key: string) {
	return db().select().from(attempts).where(eq(attempts.key, key)).get();
}

/**
 * The sign-in throttle for one attempt: `device` is the known device's id for this account (null for
 * a browser it does not know). `blockedUntil` says whether to refuse it; `failed` and `succeeded`
 * record how it went. The rules are in $lib/domain/throttle.
 */
export function signInThrottle(login: string, address: string, device: string | null, now = Date.now()) {
	const keys = {
		device: `device:${device}`,
		accountAddress: `account:${login}|ip:${address}`,
		address: `ip:${address}`
	};
	const records: SignInRecords = device
		? { device: attemptOf(keys.device) }
		: { accountAddress: attemptOf(keys.accountAddress), address: attemptOf(keys.address) };
	const policies = { device: SIGN_IN_DEVICE, accountAddress: SIGN_IN_ACCOUNT, address: SIGN_IN_ADDRESS };
	return {
		blockedUntil: signInBlockedUntil(records, Boolean(device), now),
		failed() {
			for (const which of signInFailureCounts(records, Boolean(device), now))
				recordFailure(keys[which], policies[which], now);
		},
		succeeded() {
			clearFailures(device ? keys.device : keys.accountAddress);
		}
	};
}

/**
 * The client's address as the server is configured to read it (ADDRESS_HEADER, XFF_DEPTH: see the
 * README). A request that lacks the configured header did not come through the proxy: its socket
 * address is used rather than failing the request.
 */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress' | 'platform'>): string {
	try {
		return event.getClientAddress();
	} catch {
		const platform = event.platform as { req?: { socket?: { remoteAddress?: string } } } | undefined;
		return platform?.req?.socket?.remoteAddress ?? 'unknown';
	}
}
