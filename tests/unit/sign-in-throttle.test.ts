import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The sign-in throttle against a real (in-memory) database, with several addresses and browsers: the
 * failures of someone else, from another address or on this one, never keep the account holder out
 * of their own device, and one address spraying passwords across accounts is slowed.
 */
const { createUser, findByLogin } = await import('../../src/lib/server/accounts');
const { attemptSignIn } = await import('../../src/lib/server/auth/sign-in');
const { rememberDevice } = await import('../../src/lib/server/auth/devices');
const { checkThrottle, recordFailure } = await import('../../src/lib/server/auth/throttle');
const { PASSWORD_CHANGE, SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS } = await import('../../src/lib/domain/throttle');

const RIGHT = 'purple tiger pizza';
const HOUR = 60 * 60_000;
let clock = 1_800_000_000_000;

/** A browser: its own cookie jar. */
function browser() {
	const jar = new Map<string, string>();
	return {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string) => void jar.set(name, value),
		jar
	};
}
const url = new URL('http://localhost/signin');

async function signIn(login: string, password: string, address: string, cookies = browser()) {
	const result = await attemptSignIn({ login, password, address, cookies }, clock);
	if (result.kind === 'in') rememberDevice(cookies, url, result.user);
	return result.kind;
}

/** An attacker at `address` who waits out every wait, so that each of `times` tries is a real failure. */
async function keepFailing(login: string, address: string, times: number) {
	let failures = 0;
	while (failures < times) {
		const kind = await signIn(login, 'wrong guess 123', address);
		if (kind === 'wrong') failures++;
		else clock += 15 * 60_000;
	}
}

beforeAll(async () => {
	for (const username of ['sam', 'kacper', 'jordan'])
		await createUser({ role: 'child', username, password: RIGHT, displayName: username });
	for (let i = 0; i < 30; i++)
		await createUser({ role: 'child', username: `child${i}`, password: RIGHT, displayName: `Child ${i}` });
});

// Every wrong password really checks the password (argon2), so these take a few seconds each.
describe('sign-in throttle, by account and address together', { timeout: 60_000 }, () => {
	it('lets the child in with the right password from their own address while someone elsewhere fails 50 times', async () => {
		await keepFailing('sam', '203.0.113.66', 50);
		expect(await signIn('sam', 'wrong guess 123', '203.0.113.66')).toBe('tooMany');
		expect(await signIn('sam', RIGHT, '198.51.100.7')).toBe('in');
	});

	it('counts a username and its email address as one account, not two', async () => {
		await createUser({
			role: 'carer',
			username: 'helen',
			email: 'helen@example.org',
			password: RIGHT,
			displayName: 'Helen'
		});
		for (let i = 0; i < SIGN_IN_ACCOUNT.freeAttempts; i++)
			await signIn(i % 2 ? 'helen' : 'helen@example.org', 'nope nope', '203.0.113.9');
		expect(await signIn('helen', RIGHT, '203.0.113.9')).toBe('tooMany');
	});

	it('slows the same address after five wrong passwords for an account, with a growing wait, not a lock', async () => {
		const address = '203.0.113.20';
		for (let i = 0; i < SIGN_IN_ACCOUNT.freeAttempts; i++)
			expect(await signIn('kacper', 'nope nope', address)).toBe('wrong');
		const refused = await attemptSignIn(
			{ login: 'kacper', password: RIGHT, address, cookies: browser() },
			clock
		);
		expect(refused).toEqual({ kind: 'tooMany', minutes: 1 });
		clock += SIGN_IN_ACCOUNT.firstWaitMs;
		expect(await signIn('kacper', RIGHT, address)).toBe('in');
	});

	it('always lets a known device in with the right password, whatever others did, from any address', async () => {
		const own = browser();
		clock += 2 * HOUR;
		expect(await signIn('jordan', RIGHT, '192.0.2.10', own)).toBe('in');
		// Others elsewhere, then someone at the same address (the same children's home), fail many times.
		await keepFailing('jordan', '203.0.113.77', 10);
		await keepFailing('jordan', '192.0.2.10', 10);
		expect(await signIn('jordan', RIGHT, '192.0.2.10')).toBe('tooMany');
		expect(await signIn('jordan', RIGHT, '192.0.2.10', own)).toBe('in');
		expect(await signIn('jordan', RIGHT, '10.9.8.7', own)).toBe('in');
	});

	it('holds back a known device only for its own wrong passwords', async () => {
		const own = browser();
		clock += 2 * HOUR;
		expect(await signIn('jordan', RIGHT, '192.0.2.11', own)).toBe('in');
		for (let i = 0; i < 5; i++) expect(await signIn('jordan', 'nope nope', '192.0.2.11', own)).toBe('wrong');
		expect(await signIn('jordan', RIGHT, '192.0.2.11', own)).toBe('tooMany');
		// Another browser of the account holder's, at another address, is not held back by it.
		expect(await signIn('jordan', RIGHT, '198.51.100.50')).toBe('in');
	});

	it('does not take a device cookie made for another account, or a forged one', async () => {
		const own = browser();
		clock += 2 * HOUR;
		expect(await signIn('child1', RIGHT, '192.0.2.30', own)).toBe('in');
		await keepFailing('child2', '192.0.2.30', 6);
		expect(await signIn('child2', RIGHT, '192.0.2.30', own)).toBe('tooMany');
		const forged = browser();
		const [, nonce] = own.get('vb_device')!.split(':');
		forged.set('vb_device', `${findByLogin('child2')!.id}:${nonce}:${'A'.repeat(32)}`);
		expect(await signIn('child2', RIGHT, '192.0.2.30', forged)).toBe('tooMany');
	});

	it('slows an address that sprays one password across 30 accounts, and lets it go on after a short wait', async () => {
		clock += 2 * HOUR;
		const address = '203.0.113.200';
		const answers: string[] = [];
		for (let i = 0; i < 30; i++) answers.push(await signIn(`child${i}`, 'Password1!', address));
		// 20 different accounts may fail from one address in an hour; the next must wait.
		expect(answers.slice(0, SIGN_IN_ADDRESS.freeAttempts).every((a) => a === 'wrong')).toBe(true);
		expect(new Set(answers.slice(SIGN_IN_ADDRESS.freeAttempts))).toEqual(new Set(['tooMany']));
		// The wait is short (a shared proxy address is slowed, never shut out): never over a minute.
		const refused = await attemptSignIn(
			{ login: 'child29', password: RIGHT, address, cookies: browser() },
			clock
		);
		expect(refused).toEqual({ kind: 'tooMany', minutes: 1 });
		clock += SIGN_IN_ADDRESS.maxWaitMs;
		expect(await signIn('child29', RIGHT, address)).toBe('in');
	});

	it('lets one person retry their own account without it counting as a spray from their address', async () => {
		clock += 2 * HOUR;
		const address = '198.51.100.99';
		for (let round = 0; round < 6; round++) {
			for (let i = 0; i < 4; i++) expect(await signIn(`child${round}`, 'typo typo', address)).toBe('wrong');
			expect(await signIn(`child${round}`, RIGHT, address)).toBe('in');
		}
	});
});

describe('password-change throttle', () => {
	it('waits after five wrong current passwords, for that account only', () => {
		const key = 'password-change:u1';
		for (let i = 0; i < PASSWORD_CHANGE.freeAttempts; i++) recordFailure(key, PASSWORD_CHANGE, clock);
		expect(checkThrottle(key, PASSWORD_CHANGE, clock)).toBe(clock + PASSWORD_CHANGE.firstWaitMs);
		expect(checkThrottle('password-change:u2', PASSWORD_CHANGE, clock)).toBeNull();
	});
});
