import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Handle } from '@sveltejs/kit';

/**
 * Staff passkeys against a real (in-memory) database: recovery codes (each works once; a new set
 * ends the old), challenges (once, and only while fresh), removing the last passkey, and the session
 * rule the hook enforces when the second factor is required. The browser's part (a real
 * authenticator) is in tests/e2e/passkeys.e2e.ts.
 */
const { createUser } = await import('../../src/lib/server/accounts');
const { createSession, sessionIdOf, validateSession, markSecondFactor } =
	await import('../../src/lib/server/auth/session');
const passkeys = await import('../../src/lib/server/passkeys');
const { auditOf } = await import('../../src/lib/server/audit');
const { handleSecondFactor } = await import('../../src/lib/server/hooks/second-factor');
const { write, tables } = await import('../../src/lib/server/db');

let iro: string;
let child: string;

beforeAll(async () => {
	iro = await createUser({ role: 'iro', username: 'pk.iro', password: 'long enough', displayName: 'Ira' });
	child = await createUser({
		role: 'child',
		username: 'pk.child',
		password: 'long enough',
		displayName: 'Kit'
	});
});

beforeEach(() => {
	delete process.env.STAFF_SECOND_FACTOR;
});

function addKey(userId: string, credentialId: string) {
	write((tx) =>
		tx
			.insert(tables.passkeys)
			.values({
				id: credentialId,
				userId,
				credentialId,
				publicKey: Buffer.from([1]),
				name: credentialId,
				createdAt: 1
			})
			.run()
	);
}

function removeKeys() {
	write((tx) => tx.delete(tables.passkeys).run());
}

// Each code is an argon2 hash, as passwords are: checking ten takes a while on a busy machine.
describe('recovery codes', { timeout: 60_000 }, () => {
	it('each code works once; a wrong one never', async () => {
		const codes = await passkeys.newRecoveryCodes(iro);
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		expect(passkeys.recoveryCodesLeft(iro)).toBe(10);
		expect(await passkeys.useRecoveryCode(iro, null, 'aaaa-bbbb-cccc')).toBe(false);
		const typed = codes[3].toUpperCase().replace(/(.{4})/g, '$1 ');
		expect(await passkeys.useRecoveryCode(iro, null, typed)).toBe(true);
		expect(await passkeys.useRecoveryCode(iro, null, codes[3])).toBe(false);
		expect(passkeys.recoveryCodesLeft(iro)).toBe(9);
		expect(auditOf(iro, passkeys.AUDIT_RECOVERY_USED)).toHaveLength(1);
	});

	it('a new set stops the old codes working', async () => {
		const old = await passkeys.newRecoveryCodes(iro);
		const fresh = await passkeys.newRecoveryCodes(iro);
		expect(await passkeys.useRecoveryCode(iro, null, old[0])).toBe(false);
		expect(await passkeys.useRecoveryCode(iro, null, fresh[0])).toBe(true);
		expect(auditOf(iro, passkeys.AUDIT_RECOVERY_RENEWED).length).toBeGreaterThanOrEqual(2);
	});

	it('a code used in a session counts as that session’s second factor', async () => {
		const codes = await passkeys.newRecoveryCodes(iro);
		const token = await createSession(iro);
		expect(validateSession(token)!.secondFactorAt).toBeNull();
		expect(await passkeys.useRecoveryCode(iro, sessionIdOf(token), codes[0], 5000)).toBe(true);
		expect(validateSession(token)!.secondFactorAt).toBe(5000);
	});
});

describe('challenges', () => {
	it('are taken once, and only while fresh', async () => {
		const token = await createSession(iro);
		const sessionId = sessionIdOf(token);
		const options = await passkeys.authenticationOptions(iro, sessionId, 1000);
		expect(passkeys.takeChallenge(sessionId, 'authenticate', 2000)).toBe(options.challenge);
		expect(passkeys.takeChallenge(sessionId, 'authenticate', 2000)).toBeNull();
		await passkeys.authenticationOptions(iro, sessionId, 1000);
		expect(passkeys.takeChallenge(sessionId, 'authenticate', 1000 + passkeys.CHALLENGE_MS)).toBeNull();
	});

	it('a stale or replayed answer is refused before anything is checked', async () => {
		const token = await createSession(iro);
		expect(await passkeys.usePasskey(iro, sessionIdOf(token), '{}')).toBe('expired');
	});
});

describe('removing a passkey', () => {
	it('never the last one while required; any one when optional; audited', () => {
		removeKeys();
		addKey(iro, 'only-key');
		process.env.STAFF_SECOND_FACTOR = 'required';
		expect(passkeys.removePasskey(iro, 'only-key')).toBe('last');
		expect(passkeys.removePasskey(child, 'only-key')).toBe('notFound');
		process.env.STAFF_SECOND_FACTOR = 'optional';
		expect(passkeys.removePasskey(iro, 'only-key')).toBe('removed');
		expect(auditOf(iro, passkeys.AUDIT_PASSKEY_REMOVED)[0].detail).toBe('only-key');
	});
});

describe('the session rule (hook)', () => {
	type Event = Parameters<Handle>[0]['event'];

	async function visit(userId: string, role: 'iro' | 'child', token: string, path: string, method = 'GET') {
		const session = validateSession(token)!;
		const event = {
			url: new URL(`http://localhost${path}`),
			request: new Request(`http://localhost${path}`, { method }),
			locals: { user: { ...session.user, role }, secondFactorAt: session.secondFactorAt }
		} as unknown as Event;
		try {
			await handleSecondFactor({ event, resolve: async () => new Response('page') });
			return 'page';
		} catch (thrown) {
			const redirect = thrown as { status: number; location: string };
			return `${redirect.status} ${redirect.location}`;
		}
	}

	it('required, no passkey yet: staff are sent to set one up, and reach nothing else', async () => {
		removeKeys();
		process.env.STAFF_SECOND_FACTOR = 'required';
		const token = await createSession(iro);
		expect(await visit(iro, 'iro', token, '/iro?x=1')).toBe('303 /account/passkeys?returnTo=%2Firo%3Fx%3D1');
		expect(await visit(iro, 'iro', token, '/iro/children/abc', 'POST')).toBe(
			'303 /account/passkeys?returnTo=%2Firo%2Fchildren%2Fabc'
		);
		expect(await visit(iro, 'iro', token, '/account/second-factor')).toMatch(/^303 \/account\/passkeys/);
		expect(await visit(iro, 'iro', token, '/account/passkeys')).toBe('page');
		expect(await visit(iro, 'iro', token, '/signout', 'POST')).toBe('page');
	});

	it('required, with a passkey: only the second-factor page until it is used', async () => {
		removeKeys();
		addKey(iro, 'key-1');
		process.env.STAFF_SECOND_FACTOR = 'required';
		const token = await createSession(iro);
		expect(await visit(iro, 'iro', token, '/iro')).toBe('303 /account/second-factor?returnTo=%2Firo');
		expect(await visit(iro, 'iro', token, '/account/passkeys')).toMatch(/^303 \/account\/second-factor/);
		expect(await visit(iro, 'iro', token, '/account/second-factor')).toBe('page');
		markSecondFactor(sessionIdOf(token));
		expect(await visit(iro, 'iro', token, '/iro')).toBe('page');
		expect(await visit(iro, 'iro', token, '/account/passkeys')).toBe('page');
		// A new sign-in owes it again.
		expect(await visit(iro, 'iro', await createSession(iro), '/iro')).toMatch(
			/^303 \/account\/second-factor/
		);
	});

	it('optional: staff without a passkey sign in as before; children never see any of it', async () => {
		removeKeys();
		expect(await visit(iro, 'iro', await createSession(iro), '/iro')).toBe('page');
		process.env.STAFF_SECOND_FACTOR = 'required';
		expect(await visit(child, 'child', await createSession(child), '/me')).toBe('page');
	});
});
