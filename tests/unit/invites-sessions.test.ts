import { beforeAll, describe, expect, it } from 'vitest';

/** Invites, redeeming and sessions against a real (in-memory) database with the real migrations. */

const { AccountClash, createUser } = await import('../../src/lib/server/accounts');
const { addCarer } = await import('../../src/lib/server/carers');
const { issuePasswordReset, hasUnseenNotices, unseenNotices } =
	await import('../../src/lib/server/password-reset');
const { auditOf } = await import('../../src/lib/server/audit');
const { db, tables } = await import('../../src/lib/server/db');
const { eq } = await import('drizzle-orm');
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
	childInput = { ...childInput, iroId: iro };
	childId = createChild(childInput);
});

let childInput = {
	iroId: '',
	fullName: 'Test Child',
	preferredName: 'Testy',
	dateOfBirth: '2015-01-01',
	status: 'cared_for' as const,
	startDate: '2026-01-01',
	languages: '',
	communicationNeeds: ''
};

function getChildUser(): string {
	return db().select().from(tables.children).where(eq(tables.children.id, childId)).get()!.userId!;
}

describe('invite codes end to end', () => {
	it('redeem once, creating the child’s account, then stop working', async () => {
		const code = issueInvite({ childId }, iro)!;
		expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
		const found = findUsableInvite(code.toLowerCase().replace(/-/g, ' '))!;
		expect(inviteHolder(found)).toMatchObject({
			role: 'child',
			name: 'Testy',
			username: null,
			blocked: false
		});
		const { userId } = await redeemInvite(found, {
			username: 'Testy',
			password: 'purple tiger pizza',
			language: 'ar'
		});
		expect(userId).toBeTruthy();
		expect(getUser(userId!)).toMatchObject({ role: 'child', username: 'testy', language: 'ar' });
		expect(findUsableInvite(code)).toBeNull();
		expect(
			(await redeemInvite(found, { username: 'x', password: 'another one', language: 'en' })).failure
		).toBeDefined();
		expect(latestInvite({ childId })?.state).toBe('used');
		// The child's session carries their record's "picture version", as it is at each request.
		const token = await createSession(userId!);
		expect(validateSessionToken(token)?.pictureVersion).toBe(false);
		db().update(tables.children).set({ pictureVersion: true }).where(eq(tables.children.id, childId)).run();
		expect(validateSessionToken(token)?.pictureVersion).toBe(true);
	});

	it('an invite code is never issued for someone who has an account, and never changes a password', async () => {
		// The child joined above: no new invite code for them.
		expect(issueInvite({ childId }, iro)).toBeNull();
		// A code issued before a carer had an account cannot get into the account they have now.
		const carerId = addCarer(childId, { fullName: 'Cara', relationship: 'Mum', email: '', phone: '' });
		const code = issueInvite({ carerId }, iro)!;
		const row = findUsableInvite(code)!;
		const carerUser = await createUser({
			role: 'carer',
			username: 'cara',
			password: 'cara’s own password',
			displayName: 'Cara'
		});
		db().update(tables.carers).set({ userId: carerUser }).where(eq(tables.carers.id, carerId)).run();
		expect(inviteHolder(findUsableInvite(code)!)).toMatchObject({ blocked: true, username: null });
		const token = await createSession(carerUser);
		const result = await redeemInvite(row, { username: null, password: 'attacker password', language: 'en' });
		expect(result).toEqual({ failure: 'hasAccount' });
		expect(await verifyPassword(getUser(carerUser)!.passwordHash, 'cara’s own password')).toBe(true);
		expect(validateSessionToken(token)).not.toBeNull();
	});

	it('issuing a new code stops the old one; revoking stops it too', () => {
		const other = createChild({ ...childInput, fullName: 'Other Child', preferredName: '' });
		const old = issueInvite({ childId: other }, iro)!;
		const fresh = issueInvite({ childId: other }, iro)!;
		expect(findUsableInvite(old)).toBeNull();
		expect(findUsableInvite(fresh)).not.toBeNull();
		revokeInvites({ childId: other });
		expect(findUsableInvite(fresh)).toBeNull();
		expect(latestInvite({ childId: other })?.state).toBe('revoked');
	});

	it('expires after 14 days', () => {
		const other = createChild({ ...childInput, fullName: 'Late Child', preferredName: '' });
		const issuedAt = Date.now() - 14 * 24 * 60 * 60_000;
		const code = issueInvite({ childId: other }, iro, issuedAt)!;
		expect(findUsableInvite(code, issuedAt + 14 * 24 * 60 * 60_000 - 1)).not.toBeNull();
		expect(findUsableInvite(code)).toBeNull();
	});

	it('ignores malformed and guessed codes', () => {
		expect(findUsableInvite('')).toBeNull();
		expect(findUsableInvite('<script>'.repeat(1000))).toBeNull();
		expect(findUsableInvite('ACDE-FGHJ-KMNP-QRTU')).toBeNull();
	});
});

describe('password resets', () => {
	it('a reset code lets the holder choose a new password, ends their sessions, and is recorded and told', async () => {
		const user = getUser(getChildUser())!;
		const token = await createSession(user.id, Date.now());
		const issued = issuePasswordReset({ childId }, { id: iro, displayName: 'Ira' })!;
		// Nothing changes until the code is used; the holder will be told at their next sign-in.
		expect(validateSessionToken(token)).not.toBeNull();
		expect(hasUnseenNotices(user.id)).toBe(true);
		expect(unseenNotices(user.id)).toMatchObject([{ kind: 'password_reset', byName: 'Ira' }]);
		expect(auditOf(user.id, 'password.reset_issued')).toMatchObject([{ name: 'Ira' }]);
		const row = findUsableInvite(issued.code)!;
		expect(inviteHolder(row)).toMatchObject({ reset: true, blocked: false, username: 'testy' });
		await new Promise((r) => setTimeout(r, 2));
		expect(await redeemInvite(row, { username: null, password: 'second new pass', language: 'en' })).toEqual({
			userId: user.id
		});
		expect(validateSessionToken(token)).toBeNull();
		expect(await verifyPassword(getUser(user.id)!.passwordHash, 'second new pass')).toBe(true);
		expect(findUsableInvite(issued.code)).toBeNull();
	});

	it('emails a carer whose account has an address; no reset for someone without an account', async () => {
		const carerId = addCarer(childId, {
			fullName: 'Pat',
			relationship: 'Dad',
			email: 'pat@example.com',
			phone: ''
		});
		expect(issuePasswordReset({ carerId }, { id: iro, displayName: 'Ira' })).toBeNull();
		const code = issueInvite({ carerId }, iro)!;
		await redeemInvite(findUsableInvite(code)!, {
			username: 'pat',
			password: 'pat password',
			language: 'pl'
		});
		expect(issuePasswordReset({ carerId }, { id: iro, displayName: 'Ira' })).toMatchObject({ emailed: true });
		const email = db().select().from(tables.outbox).where(eq(tables.outbox.to, 'pat@example.com')).get();
		expect(email?.text).toContain('Ira');
	});
});

describe('two forms at once with the same username or email', () => {
	it('joining with a username taken in the meantime is a field error, and the code still works', async () => {
		const other = createChild({ ...childInput, fullName: 'Racer', preferredName: '' });
		const row = findUsableInvite(issueInvite({ childId: other }, iro)!)!;
		// "testy" was free when the form was checked, then another form took it.
		expect(
			await redeemInvite(row, { username: 'Testy', password: 'racer password', language: 'en' })
		).toEqual({
			failure: 'username'
		});
		expect(latestInvite({ childId: other })?.state).toBe('usable');
	});

	it('a staff account with a username or email taken in the meantime says which', async () => {
		const input = { role: 'iro' as const, password: 'long enough', displayName: 'Second' };
		await expect(createUser({ ...input, username: 'IRO1' })).rejects.toEqual(new AccountClash('username'));
		await createUser({ ...input, username: 'mailer', email: 'same@example.com' });
		const clash = await createUser({ ...input, username: 'mailer2', email: 'SAME@example.com' }).catch(
			(e) => e
		);
		expect(clash).toBeInstanceOf(AccountClash);
		expect(clash.field).toBe('email');
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
		expect(validateSessionToken(token)).toMatchObject({ role: 'iro', pictureVersion: false });
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
