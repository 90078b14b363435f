import { eq } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import { hashPassword } from './auth/password';
import { consumeInvite, type findUsableInvite } from './auth/invites';
import { invalidateUserSessions } from './auth/session';
import { normaliseUsername } from './accounts';

const { users, children, carers } = tables;

type UsableInvite = NonNullable<ReturnType<typeof findUsableInvite>>;

/** Who a code is for, and whether they already have an account (a forgotten password). */
export function inviteHolder(row: UsableInvite) {
	const person = row.child ?? row.carer;
	if (!person) return null;
	const existing = person.userId
		? db().select().from(users).where(eq(users.id, person.userId)).get()
		: undefined;
	return {
		role: row.child ? ('child' as const) : ('carer' as const),
		name: row.child ? (row.child.preferredName ?? row.child.fullName) : person.fullName,
		fullName: person.fullName,
		username: existing?.username ?? null,
		iroId: row.child?.iroId ?? null
	};
}

/**
 * Redeems a code: creates the account (or, for someone who already has one, sets a new password and
 * ends their other sessions). Returns the user id, or null if the code was used in the meantime.
 */
export async function redeemInvite(
	row: UsableInvite,
	input: { username: string | null; password: string; language: string }
): Promise<string | null> {
	const person = row.child ?? row.carer;
	if (!person) return null;
	const passwordHash = await hashPassword(input.password);
	const now = Date.now();
	const userId = person.userId ?? newId();
	const email = row.carer?.email?.toLowerCase() ?? null;
	const emailFree = email && !db().select({ id: users.id }).from(users).where(eq(users.email, email)).get();
	const ok = write((tx) => {
		if (!consumeInvite(row.invite.id, now)) return false;
		if (person.userId) {
			tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId)).run();
			return true;
		}
		tx.insert(users)
			.values({
				id: userId,
				role: row.child ? 'child' : 'carer',
				username: normaliseUsername(input.username ?? ''),
				email: emailFree ? email : null,
				passwordHash,
				displayName: row.child ? (row.child.preferredName ?? row.child.fullName) : person.fullName,
				language: input.language,
				createdAt: now,
				passwordChangedAt: now - 1
			})
			.run();
		if (row.child) tx.update(children).set({ userId }).where(eq(children.id, row.child.id)).run();
		else tx.update(carers).set({ userId }).where(eq(carers.id, person.id)).run();
		return true;
	});
	if (!ok) return null;
	if (person.userId) invalidateUserSessions(userId);
	return userId;
}
