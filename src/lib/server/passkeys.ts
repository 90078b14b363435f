import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import {
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type AuthenticationResponseJSON,
	type AuthenticatorTransportFuture,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import { db, keptQuery, tables, write, type Tx } from './db';
import { newId } from './ids';
import { recordAudit } from './audit';
import { config } from './config';
import { hashPassword, verifyPassword } from './auth/password';
import { markSecondFactor, type SessionUser } from './auth/session';
import {
	mayRemovePasskey,
	normaliseRecoveryCode,
	RECOVERY_CODE_COUNT,
	secondFactorStep,
	type SecondFactorStep
} from '$lib/domain/second-factor';

/**
 * Staff passkeys (WebAuthn, through @simplewebauthn/server) and one-time recovery codes: the second
 * factor after the password. Challenges are kept per session and purpose, used once, for five minutes.
 * The rule of who must use one is `domain/second-factor.ts`; the hook that enforces it is
 * `hooks/second-factor.ts`.
 */
const { passkeys, recoveryCodes, webauthnChallenges } = tables;

export const CHALLENGE_MS = 5 * 60_000;

export const AUDIT_PASSKEY_ADDED = 'passkey.added';
export const AUDIT_PASSKEY_REMOVED = 'passkey.removed';
export const AUDIT_RECOVERY_USED = 'recovery.used';
export const AUDIT_RECOVERY_RENEWED = 'recovery.renewed';

function relyingParty() {
	const { rpId, origin, councilName } = config();
	return { rpID: rpId, origin: new URL(origin).origin, rpName: `Voicebox, ${councilName}` };
}

function countOf(
	table: typeof passkeys | typeof recoveryCodes,
	where: SQL | undefined,
	tx: Pick<Tx, 'select'> = db()
): number {
	return tx.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

export function passkeyCount(userId: string): number {
	return passkeyCountQuery().get({ userId })?.n ?? 0;
}

const passkeyCountQuery = keptQuery((db) =>
	db
		.select({ n: count() })
		.from(passkeys)
		.where(eq(passkeys.userId, sql.placeholder('userId')))
		.prepare()
);

/** What this session still owes: nothing, a passkey (or code), or setting a passkey up. */
export function secondFactorStepOf(user: Pick<SessionUser, 'id' | 'role'>, secondFactorAt: number | null) {
	if (user.role !== 'iro' && user.role !== 'manager') return 'none' satisfies SecondFactorStep;
	return secondFactorStep({
		role: user.role,
		mode: config().staffSecondFactor,
		passkeys: passkeyCount(user.id),
		done: secondFactorAt !== null
	});
}

/** A staff member's passkeys, oldest first, as their account page lists them. */
export function passkeysOf(userId: string) {
	return db()
		.select({
			id: passkeys.id,
			name: passkeys.name,
			createdAt: passkeys.createdAt,
			lastUsedAt: passkeys.lastUsedAt
		})
		.from(passkeys)
		.where(eq(passkeys.userId, userId))
		.orderBy(asc(passkeys.createdAt), asc(passkeys.id))
		.all();
}

function transportsOf(stored: string): AuthenticatorTransportFuture[] {
	return stored ? (stored.split(',') as AuthenticatorTransportFuture[]) : [];
}

function storeChallenge(
	sessionId: string,
	purpose: 'register' | 'authenticate',
	challenge: string,
	now: number
) {
	write((tx) =>
		tx
			.insert(webauthnChallenges)
			.values({ sessionId, purpose, challenge, expiresAt: now + CHALLENGE_MS })
			.onConflictDoUpdate({
				target: [webauthnChallenges.sessionId, webauthnChallenges.purpose],
				set: { challenge, expiresAt: now + CHALLENGE_MS }
			})
			.run()
	);
}

/** Takes the session's challenge for this purpose: once only, and only while fresh. */
export function takeChallenge(
	sessionId: string,
	purpose: 'register' | 'authenticate',
	now = Date.now()
): string | null {
	const row = write((tx) =>
		tx
			.delete(webauthnChallenges)
			.where(and(eq(webauthnChallenges.sessionId, sessionId), eq(webauthnChallenges.purpose, purpose)))
			.returning()
			.get()
	);
	return row && row.expiresAt > now ? row.challenge : null;
}

/** Options for adding a passkey (the browser passes them to the authenticator). */
export async function registrationOptions(user: SessionUser, sessionId: string, now = Date.now()) {
	const rp = relyingParty();
	const existing = db()
		.select({ id: passkeys.credentialId, transports: passkeys.transports })
		.from(passkeys)
		.where(eq(passkeys.userId, user.id))
		.all();
	const options = await generateRegistrationOptions({
		rpName: rp.rpName,
		rpID: rp.rpID,
		userName: user.username,
		userDisplayName: user.displayName,
		userID: new TextEncoder().encode(user.id),
		attestationType: 'none',
		timeout: CHALLENGE_MS,
		excludeCredentials: existing.map((c) => ({ id: c.id, transports: transportsOf(c.transports) })),
		authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' }
	});
	storeChallenge(sessionId, 'register', options.challenge, now);
	return options;
}

export type AddOutcome = { ok: true; codes: string[] | null } | { ok: false; reason: 'expired' | 'failed' };

/**
 * Verifies the authenticator's answer and keeps the passkey. The first passkey comes with a set of
 * recovery codes (returned once, in clear, to be shown once). Adding a passkey counts as this
 * session's second factor.
 */
export async function addPasskey(
	user: SessionUser,
	sessionId: string,
	name: string,
	responseJson: string,
	now = Date.now()
): Promise<AddOutcome> {
	const challenge = takeChallenge(sessionId, 'register', now);
	if (!challenge) return { ok: false, reason: 'expired' };
	const rp = relyingParty();
	let info;
	try {
		const result = await verifyRegistrationResponse({
			response: JSON.parse(responseJson) as RegistrationResponseJSON,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.rpID,
			requireUserVerification: false
		});
		if (!result.verified || !result.registrationInfo) return { ok: false, reason: 'failed' };
		info = result.registrationInfo.credential;
	} catch {
		return { ok: false, reason: 'failed' };
	}
	const first = passkeyCount(user.id) === 0;
	const codes = first ? makeCodes() : null;
	const hashes = codes ? await Promise.all(codes.map((c) => hashPassword(c))) : null;
	const credential = info;
	const stored = write((tx) => {
		const taken = tx
			.select({ id: passkeys.id })
			.from(passkeys)
			.where(eq(passkeys.credentialId, credential.id))
			.get();
		if (taken) return false;
		tx.insert(passkeys)
			.values({
				id: newId(),
				userId: user.id,
				credentialId: credential.id,
				publicKey: Buffer.from(credential.publicKey),
				counter: credential.counter,
				transports: (credential.transports ?? []).join(','),
				name,
				createdAt: now
			})
			.run();
		recordAudit({ userId: user.id, action: AUDIT_PASSKEY_ADDED, subjectId: user.id, detail: name }, now, tx);
		if (hashes) replaceCodes(tx, user.id, hashes, now);
		return true;
	});
	if (!stored) return { ok: false, reason: 'failed' };
	markSecondFactor(sessionId, now);
	return { ok: true, codes };
}

/** Options for signing in with a passkey: any of this staff member's passkeys. */
export async function authenticationOptions(userId: string, sessionId: string, now = Date.now()) {
	const rp = relyingParty();
	const allow = db()
		.select({ id: passkeys.credentialId, transports: passkeys.transports })
		.from(passkeys)
		.where(eq(passkeys.userId, userId))
		.all();
	const options = await generateAuthenticationOptions({
		rpID: rp.rpID,
		timeout: CHALLENGE_MS,
		userVerification: 'preferred',
		allowCredentials: allow.map((c) => ({ id: c.id, transports: transportsOf(c.transports) }))
	});
	storeChallenge(sessionId, 'authenticate', options.challenge, now);
	return options;
}

/** Checks a passkey's answer; on success this session has used its second factor. */
export async function usePasskey(
	userId: string,
	sessionId: string,
	responseJson: string,
	now = Date.now()
): Promise<'ok' | 'expired' | 'failed'> {
	const challenge = takeChallenge(sessionId, 'authenticate', now);
	if (!challenge) return 'expired';
	let response: AuthenticationResponseJSON;
	try {
		response = JSON.parse(responseJson) as AuthenticationResponseJSON;
	} catch {
		return 'failed';
	}
	const key = db()
		.select()
		.from(passkeys)
		.where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, String(response.id))))
		.get();
	if (!key) return 'failed';
	const rp = relyingParty();
	try {
		const result = await verifyAuthenticationResponse({
			response,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.rpID,
			requireUserVerification: false,
			credential: {
				id: key.credentialId,
				publicKey: new Uint8Array(key.publicKey),
				counter: key.counter,
				transports: transportsOf(key.transports)
			}
		});
		if (!result.verified) return 'failed';
		write((tx) =>
			tx
				.update(passkeys)
				.set({ counter: result.authenticationInfo.newCounter, lastUsedAt: now })
				.where(eq(passkeys.id, key.id))
				.run()
		);
	} catch {
		return 'failed';
	}
	markSecondFactor(sessionId, now);
	return 'ok';
}

/** Removes one of this staff member's passkeys; never the last while passkeys are required. */
export function removePasskey(
	userId: string,
	passkeyId: string,
	now = Date.now()
): 'removed' | 'last' | 'notFound' {
	const mode = config().staffSecondFactor;
	return write((tx) => {
		const key = tx
			.select({ id: passkeys.id, name: passkeys.name })
			.from(passkeys)
			.where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, userId)))
			.get();
		if (!key) return 'notFound';
		if (!mayRemovePasskey(mode, countOf(passkeys, eq(passkeys.userId, userId), tx))) return 'last';
		tx.delete(passkeys).where(eq(passkeys.id, key.id)).run();
		recordAudit({ userId, action: AUDIT_PASSKEY_REMOVED, subjectId: userId, detail: key.name }, now, tx);
		return 'removed';
	});
}

function makeCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
		encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(8))).slice(0, 12)
	);
}

function replaceCodes(tx: Tx, userId: string, hashes: string[], now: number) {
	tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
	for (const codeHash of hashes) {
		tx.insert(recoveryCodes).values({ id: newId(), userId, codeHash, createdAt: now }).run();
	}
}

/** A new set of recovery codes (returned in clear once); every older code stops working. */
export async function newRecoveryCodes(userId: string, now = Date.now()): Promise<string[]> {
	const codes = makeCodes();
	const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
	write((tx) => {
		replaceCodes(tx, userId, hashes, now);
		recordAudit({ userId, action: AUDIT_RECOVERY_RENEWED, subjectId: userId }, now, tx);
	});
	return codes;
}

export function recoveryCodesLeft(userId: string): number {
	return countOf(recoveryCodes, and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}

/**
 * Uses one recovery code: true once for each code, and the session has then used its second factor.
 * `sessionId` null only checks and spends the code (tests).
 */
export async function useRecoveryCode(
	userId: string,
	sessionId: string | null,
	typed: string,
	now = Date.now()
): Promise<boolean> {
	const code = normaliseRecoveryCode(typed);
	if (!code) return false;
	const unused = db()
		.select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
		.all();
	for (const row of unused) {
		if (!(await verifyPassword(row.codeHash, code))) continue;
		const spent = write((tx) => {
			const changed = tx
				.update(recoveryCodes)
				.set({ usedAt: now })
				.where(and(eq(recoveryCodes.id, row.id), isNull(recoveryCodes.usedAt)))
				.run().changes;
			if (changed) recordAudit({ userId, action: AUDIT_RECOVERY_USED, subjectId: userId }, now, tx);
			return changed === 1;
		});
		if (spent && sessionId) markSecondFactor(sessionId, now);
		return spent;
	}
	return false;
}
