import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Password hashing goes through one bounded queue (auth/password.ts): at most
 * PASSWORD_HASH_CONCURRENCY at a time, and a sign-in is refused as "busy" (not counted as a failure)
 * once PASSWORD_HASH_WAITING sign-ins already wait.
 */
process.env.PASSWORD_HASH_CONCURRENCY = '1';
process.env.PASSWORD_HASH_WAITING = '2';
const { createUser } = await import('../../src/lib/server/accounts');
const { attemptSignIn } = await import('../../src/lib/server/auth/sign-in');
const { hashing, verifyPassword, hashPassword } = await import('../../src/lib/server/auth/password');
const { SIGN_IN_ACCOUNT } = await import('../../src/lib/domain/throttle');

const RIGHT = 'purple tiger pizza';
const cookies = { get: () => undefined };
const signIn = (login: string, password: string, address = '203.0.113.5') =>
	attemptSignIn({ login, password, address, cookies });

beforeAll(async () => {
	await createUser({ role: 'child', username: 'sam', password: RIGHT, displayName: 'Sam' });
	// An unknown username checks against a hash made once, on first use: made here, before the line fills.
	expect((await signIn('nobody', RIGHT, '198.51.100.1')).kind).toBe('wrong');
});

describe('password hashing queue', { timeout: 30_000 }, () => {
	it('checks one password at a time however many sign-ins arrive together', async () => {
		let most = 0;
		const watch = setInterval(() => (most = Math.max(most, hashing().running)), 1);
		const hash = await hashPassword(RIGHT);
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) => verifyPassword(hash, i % 2 ? RIGHT : 'wrong one'))
		);
		clearInterval(watch);
		expect(results).toEqual([false, true, false, true, false, true]);
		expect(hashing().concurrency).toBe(1);
		expect(most).toBe(1);
	});

	it('answers "busy" beyond the line, without counting a failure, and lets the person in afterwards', async () => {
		let release!: () => void;
		const held = hashing().run(() => new Promise<void>((r) => (release = r)));
		const waiting = [signIn('sam', 'wrong one'), signIn('nobody', 'wrong one')];
		await new Promise((r) => setTimeout(r, 0));
		expect(hashing().waiting).toBe(2);
		expect((await signIn('sam', RIGHT)).kind).toBe('busy');
		expect((await signIn('no-such-user', RIGHT)).kind).toBe('busy');
		release();
		await held;
		expect((await Promise.all(waiting)).map((r) => r.kind)).toEqual(['wrong', 'wrong']);
		// The busy answers were not failures: the free attempts left are all but one.
		for (let i = 0; i < SIGN_IN_ACCOUNT.freeAttempts - 2; i++)
			expect((await signIn('sam', 'wrong one')).kind).toBe('wrong');
		expect((await signIn('sam', RIGHT)).kind).toBe('in');
	});
});
