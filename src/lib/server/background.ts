import { env } from '$env/dynamic/private';
import { isBusy } from './db';
import { holdLease, releaseLease, THIS_PROCESS } from './lease';
import { startOutboxWorker } from './notify';
import { startUrgentWorker } from './urgent';
import { startHousekeeping } from './housekeeping';

/**
 * The background work (the outbox worker, urgent-message escalation, housekeeping) runs in exactly one
 * of the processes serving the database: the one holding the `background` lease (`lease.ts`). Every
 * process tries to take or renew it every quarter of its length; the holder starts the workers, and a
 * process that can no longer show it holds it stops them. When the holder stops (its lease is given
 * up) or dies (its lease expires), another process takes over at its next try.
 */
export const BACKGROUND_LEASE = 'background';
const DEFAULT_LEASE_MS = 60_000;

function leaseMs(): number {
	const n = Number(env.BACKGROUND_LEASE_MS);
	return Number.isInteger(n) && n >= 1000 ? n : DEFAULT_LEASE_MS;
}

export function startBackgroundWork(holder = THIS_PROCESS): () => void {
	const ttl = leaseMs();
	let stopWorkers: (() => void)[] | null = null;
	let heldUntil = 0;

	const stop = (why: string) => {
		if (!stopWorkers) return;
		for (const s of stopWorkers) s();
		stopWorkers = null;
		console.log(`[background] ${holder} stopped the background work: ${why}`);
	};

	const tick = () => {
		const now = Date.now();
		try {
			if (holdLease(BACKGROUND_LEASE, holder, ttl, now)) heldUntil = now + ttl;
			else return stop('another process holds the lease');
		} catch (error) {
			// The database stayed busy: the lease we hold (if any) still runs until heldUntil.
			if (!isBusy(error)) console.error('[background] the lease could not be renewed', error);
			if (Date.now() >= heldUntil) stop('the lease could not be renewed');
			return;
		}
		if (stopWorkers) return;
		console.log(
			`[background] ${holder} holds the lease: this process runs the outbox, urgent escalation and housekeeping`
		);
		stopWorkers = [startOutboxWorker(), startUrgentWorker(), startHousekeeping()];
	};

	tick();
	const timer = setInterval(tick, Math.max(250, Math.floor(ttl / 4)));
	timer.unref();
	const release = () => {
		clearInterval(timer);
		stop('the process is stopping');
		try {
			releaseLease(BACKGROUND_LEASE, holder);
		} catch {
			// Left to expire.
		}
	};
	process.once('exit', release);
	return () => {
		process.off('exit', release);
		release();
	};
}
