import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. */
const OPTIONS = {
	algorithm: 2 /* Argon2id */,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
};

export { PASSWORD_MIN, PASSWORD_MAX } from '$lib/domain/password-rules';

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password.normalize('NFC'));
	} catch {
		return false;
	}
}

/** A hash of a password nobody has, so an unknown username costs the same time as a wrong password. */
let dummy: Promise<string> | undefined;
export async function burnPasswordTime(password: string): Promise<void> {
	dummy ??= hashPassword('voicebox-no-such-user');
	await verifyPassword(await dummy, password);
}
