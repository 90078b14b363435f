import { beforeAll, describe, expect, it } from 'vitest';

/** Invites, redeeming and sessions against a real (in-memory) database with the real migrations. */

const { createUser } = await import('../../src/lib/server/accounts');
const { createChild } = await import('../../src/lib/server/children');
const { issueInvite, findUsableInvite, latestInvite, revokeInvites } =
	await import('../../src/lib/server/auth/invites');
const { redeemInvite, inviteHolder } = await import('../../src/lib/server/join');
const { createSession, validateSessionToken } = await import('../../src/lib/server/auth/session');
const { verifyPassword } = await import('../../src/lib/server/auth/password');
const { getUser } = await import('../../src/lib/server/accounts');

let iro: string;
let childId: string;

beforeAll(async () => {
	iro = await createUser({ role: 'iro', username: 'iro1', password: 'long enough', displayName: 'Ira' });
	childId = createChild({
		iroId: iro,
		fullName: 'Test Child',
		preferredName: 'Testy',
		dateOfBirth: '2015-01-01',
		status: 'cared_for',
		startDate: '2026-01-01',
		languages: '',
		communicationNeeds: ''
	});
});

describe('invite codes end to end', () => {
	it('redeem once, creating the child’s account, then stop working', async () => {
		const code = issueInvite({ childId }, iro);
		expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
		const found = findUsableInvite(code.toLowerCase().replace(/-/g, ' '))!;
		expect(inviteHolder(found)).toMatchObject({ role: 'child', name: 'Testy', username: null });
		const userId = await redeemInvite(found, {
			username: 'Testy',
			password: 'purple tiger pizza',
			language: 'ar'
		});
		expect(userId).toBeTruthy();
		expect(getUser(userId!)).toMatchObject({ role: 'child', username: 'testy', language: 'ar' });
		expect(findUsableInvite(code)).toBeNull();
		expect(await redeemInvite(found, { username: 'x', password: 'another one', language: 'en' })).toBeNull();
		expect(latestInvite({ childId })?.state).toBe('used');
	});

	it('a reissued code lets someone who forgot their password set a new one, ending old sessions', async () => {
		const first = findUsableInvite(issueInvite({ childId }, iro))!;
		const holder = inviteHolder(first)!;
		expect(holder.username).toBe('testy');
		const user = getUser(
			(await redeemInvite(first, { username: null, password: 'first new pass', language: 'en' }))!
		)!;
		const token = await createSession(user.id, Date.now());
		expect(validateSessionToken(token)).not.toBeNull();

		const second = findUsableInvite(issueInvite({ childId }, iro))!;
		await new Promise((r) => setTimeout(r, 2));
		await redeemInvite(second, { username: null, password: 'second new pass', language: 'en' });
		expect(validateSessionToken(token)).toBeNull();
		expect(await verifyPassword(getUser(user.id)!.passwordHash, 'second new pass')).toBe(true);
	});

	it('issuing a new code stops the old one; revoking stops it too', () => {
		const old = issueInvite({ childId }, iro);
		const fresh = issueInvite({ childId }, iro);
		expect(findUsableInvite(old)).toBeNull();
		expect(findUsableInvite(fresh)).not.toBeNull();
		revokeInvites({ childId });
		expect(findUsableInvite(fresh)).toBeNull();
		expect(latestInvite({ childId })?.state).toBe('revoked');
	});

	it('expires after 14 days', () => {
		const issuedAt = Date.now() - 14 * 24 * 60 * 60_000;
		const code = issueInvite({ childId }, iro, issuedAt);
		expect(findUsableInvite(code, issuedAt + 14 * 24 * 60 * 60_000 - 1)).not.toBeNull();
		expect(findUsableInvite(code)).toBeNull();
	});

	it('ignores malformed and guessed codes', () => {
		expect(findUsableInvite('')).toBeNull();
		expect(findUsableInvite('<script>'.repeat(1000))).toBeNull();
		expect(findUsableInvite('ACDE-FGHJ-KMNP-QRTU')).toBeNull();
	});
});

describe('passwords', () => {
	it('are stored as argon2id with OWASP’s parameters, never in plain text', () => {
		const stored = getUser(iro)!.passwordHash;
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(stored).not.toContain('long enough');
	});
});

describe('sessions', () => {
	it('store only a hash of the secret and reject a wrong or forged token', async () => {
		const token = await createSession(iro);
		const [id, secret] = token.split('.');
		expect(secret.length).toBeGreaterThanOrEqual(32);
		expect(validateSessionToken(token)?.role).toBe('iro');
		expect(validateSessionToken(`${id}.${'a'.repeat(secret.length)}`)).toBeNull();
		expect(validateSessionToken(`${id}`)).toBeNull();
		expect(validateSessionToken(`${id}.${secret}.x`)).toBeNull();
	});

	it('end after 30 minutes without activity for staff', async () => {
		const now = Date.now();
		const token = await createSession(iro, now);
		expect(validateSessionToken(token, now + 29 * 60_000)).not.toBeNull();
		expect(validateSessionToken(token, now + 29 * 60_000 + 30 * 60_000)).toBeNull();
		expect(validateSessionToken(token, now + 30_000)).toBeNull();
	});
});
