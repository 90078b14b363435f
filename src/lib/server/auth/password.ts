import { env } from '$env/dynamic/private';
import { hash, verify } from '@node-rs/argon2';
import { BoundedQueue } from '../bounded-queue';

export { QueueFull as PasswordBusy } from '../bounded-queue';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const OPTIONS = {
	algorithm: 2 /* Argon2id */,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
};

export { PASSWORD_MIN, PASSWORD_MAX } from '$lib/domain/password-rules';

/** Hashes at once (PASSWORD_HASH_CONCURRENCY, default 1) and sign-ins that may wait for one (PASSWORD_HASH_WAITING, default 20). */
export const HASH_DEFAULTS = { concurrency: 1, waiting: 20 };

function whole(value: string | undefined, fallback: number, min: number): number {
	const n = Number(value);
	return value && /^\d+$/.test(value.trim()) && n >= min ? n : fallback;
}

/**
 * Every argon2 hash and verify goes through one queue: at most `concurrency` at a time, so that ten
 * sign-ins at once cannot take the thread pool every page needs (README, "Sign-in
 * throttling"). Anonymous sign-ins are refused (`PasswordBusy`) beyond `waiting` in line; the rest
 * (setting a password, recovery codes) come from someone already trusted and always wait their turn.
 */
let queue: BoundedQueue | undefined;
export function hashing(): BoundedQueue {
	queue ??= new BoundedQueue(
		whole(env.PASSWORD_HASH_CONCURRENCY, HASH_DEFAULTS.concurrency, 1),
		whole(env.PASSWORD_HASH_WAITING, HASH_DEFAULTS.waiting, 0)
	);
	return queue;
}

type Queued = { refusable?: boolean };

export function hashPassword(password: string, options: Queued = {}): Promise<string> {
	return hashing().run(() => hash(password.normalize('NFC'), OPTIONS), options);
}

/** False for a wrong password or a stored hash that cannot be read; throws `PasswordBusy` only when `refusable`. */
export async function verifyPassword(
	stored: string,
	password: string,
	options: Queued = {}
): Promise<boolean> {
	return hashing().run(async () => {
		try {
			return await verify(stored, password.normalize('NFC'));
		} catch {
			return false;
		}
	}, options);
}

/** A hash of a password nobody has, so an unknown username costs the same time as a wrong password. */
let dummy: Promise<string> | undefined;
export async function burnPasswordTime(password: string, options: Queued = {}): Promise<void> {
	dummy ??= hashPassword('voicebox-no-such-user').catch((error) => {
		dummy = undefined;
		throw error;
	});
	await verifyPassword(await dummy, password, options);
}
