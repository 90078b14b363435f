import { hostname } from 'node:os';
import { and, eq } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';

const { leases } = tables;

/** This process, as a lease holder: its host and pid for people reading the log, and a random part. */
export const THIS_PROCESS = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;

/**
 * Takes the lease `name` for `holder`, or renews it, until `now + ttlMs`; false while another holder's
 * lease has not expired. One writing transaction (BEGIN IMMEDIATE), so of two processes asking at once
 * exactly one wins.
 */
export function holdLease(name: string, holder: string, ttlMs: number, now = Date.now()): boolean {
	return write((tx) => {
		const current = tx.select().from(leases).where(eq(leases.name, name)).get();
		if (current && current.holder !== holder && current.expiresAt > now) return false;
		const takenAt = current?.holder === holder ? current.takenAt : now;
		tx.insert(leases)
			.values({ name, holder, takenAt, expiresAt: now + ttlMs })
			.onConflictDoUpdate({ target: leases.name, set: { holder, takenAt, expiresAt: now + ttlMs } })
			.run();
		return true;
	});
}

/** Gives the lease up (a process stopping), so another takes it over at its next try, not at expiry. */
export function releaseLease(name: string, holder: string): void {
	write((tx) =>
		tx
			.delete(leases)
			.where(and(eq(leases.name, name), eq(leases.holder, holder)))
			.run()
	);
}

/** Who holds the lease `name` and until when, if anyone does (expired or not). */
export function leaseOf(name: string) {
	return db().select().from(leases).where(eq(leases.name, name)).get();
}
