import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import { anyRow, db, tables, write, keptQuery } from './db';
import { newId } from './ids';
import { hashPassword } from './auth/password';
import { invalidateUserSessions } from './auth/session';
import type { Role } from '$lib/domain/session-policy';
import { addressContext, type Address, type AddressContext } from '$lib/domain/address';
import { looksAlike, normaliseName } from '$lib/domain/confusables';

const { users, children } = tables;

export type User = typeof users.$inferSelect;

export function normaliseUsername(value: string): string {
	return normaliseName(value).toLowerCase();
}

/**
 * Why a username cannot be had: `taken`, or `lookAlike` when it would look the same as an existing
 * one (`sam` beside `sаm` with a Cyrillic а, or `b0b` beside `bob`); null when it is free.
 */
export function usernameClash(username: string): 'taken' | 'lookAlike' | null {
	if (isUsernameTaken(username)) return 'taken';
	const all = db().select({ username: users.username }).from(users).all();
	return all.some((u) => looksAlike(u.username, normaliseUsername(username))) ? 'lookAlike' : null;
}

/** Whether a new staff member's name would look the same as an IRO's or manager's already here. */
export function staffNameLooksTaken(displayName: string): boolean {
	return db()
		.select({ displayName: users.displayName })
		.from(users)
		.where(or(eq(users.role, 'iro'), eq(users.role, 'manager')))
		.all()
		.some((u) => looksAlike(u.displayName, displayName));
}

export function isUsernameTaken(username: string): boolean {
	return anyRow(users, eq(users.username, normaliseUsername(username)));
}

export function isEmailTaken(email: string): boolean {
	return Boolean(db().select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase())).get());
}

/** A username or email address that another account took first (two forms sent at once). */
export class AccountClash extends Error {
	constructor(readonly field: 'username' | 'email') {
		super(`account ${field} already used`);
	}
}

/** Which unique column of users a failed write clashed on, if that is what failed. */
export function clashOf(error: unknown): 'username' | 'email' | null {
	if (!(error instanceof Error) || !('code' in error)) return null;
	if (error.code !== 'SQLITE_CONSTRAINT_UNIQUE') return null;
	if (error.message.includes('users.username')) return 'username';
	if (error.message.includes('users.email')) return 'email';
	return null;
}

/** Creates an account; throws AccountClash if the username or email was taken in the meantime. */
export async function createUser(input: {
	role: Role;
	username: string;
	email?: string | null;
	password: string;
	displayName: string;
	language?: string | null;
	aboutMe?: string | null;
	contactInfo?: string | null;
	/** The language "about me" and the contact info are written in. */
	profileLang?: string | null;
	phone?: string | null;
}): Promise<string> {
	const id = newId();
	const now = Date.now();
	const passwordHash = await hashPassword(input.password);
	write((tx) => {
		try {
			tx.insert(users)
				.values({
					...input,
					id,
					username: normaliseUsername(input.username),
					email: input.email ? input.email.toLowerCase() : null,
					passwordHash,
					createdAt: now,
					passwordChangedAt: now - 1
				})
				.run();
		} catch (error) {
			const clash = clashOf(error);
			throw clash ? new AccountClash(clash) : error;
		}
	});
	return id;
}

/** Finds an account by username or email, case-insensitively. */
export function findByLogin(login: string): User | undefined {
	const value = normaliseUsername(login);
	return db()
		.select()
		.from(users)
		.where(or(eq(users.username, value), eq(users.email, value)))
		.get();
}

export function getUser(id: string): User | undefined {
	return db().select().from(users).where(eq(users.id, id)).get();
}

/** Sets a new password and ends every session of that user (the caller signs them in again). */
export async function setPassword(userId: string, password: string): Promise<void> {
	const passwordHash = await hashPassword(password);
	write((tx) =>
		tx.update(users).set({ passwordHash, passwordChangedAt: Date.now() }).where(eq(users.id, userId)).run()
	);
	invalidateUserSessions(userId);
}

export function savePreferences(
	userId: string,
	prefs: { language?: string; display?: string; address?: Address }
) {
	write((tx) => tx.update(users).set(prefs).where(eq(users.id, userId)).run());
}

/** How a child's account asked to be addressed (a letter to them is written so); none without an account. */
export function addressOfAccount(userId: string | null): AddressContext | undefined {
	if (!userId) return undefined;
	const row = db().select({ address: users.address }).from(users).where(eq(users.id, userId)).get();
	return addressContext(row?.address);
}

export function saveProfile(
	userId: string,
	profile: { aboutMe: string; contactInfo: string; phone: string; profileLang?: string | null }
) {
	write((tx) => tx.update(users).set(profile).where(eq(users.id, userId)).run());
}

/** IROs with the size of their caseload. */
export function listIros() {
	return db()
		.select({
			id: users.id,
			displayName: users.displayName,
			username: users.username,
			email: users.email,
			deactivatedAt: users.deactivatedAt,
			caseload: count(children.id)
		})
		.from(users)
		.leftJoin(children, eq(children.iroId, users.id))
		.where(eq(users.role, 'iro'))
		.groupBy(users.id)
		.orderBy(asc(users.displayName))
		.all();
}

export function isIro(userId: string): boolean {
	return anyRow(users, and(eq(users.id, userId), eq(users.role, 'iro'), isNull(users.deactivatedAt)));
}

/** What a child or carer sees of their IRO on "Meet your IRO". */
export function iroCard(iroId: string | null) {
	if (!iroId) return null;
	return iroCardQuery().get({ iroId }) ?? null;
}

const iroCardQuery = keptQuery((db) =>
	db
		.select({
			id: users.id,
			displayName: users.displayName,
			hasPhoto: sql<number>`exists (select 1 from photos where photos.user_id = ${users.id})`,
			aboutMe: users.aboutMe,
			contactInfo: users.contactInfo,
			profileLang: users.profileLang,
			phone: users.phone,
			email: users.email
		})
		.from(users)
		.where(eq(users.id, sql.placeholder('iroId')))
		.prepare()
);
