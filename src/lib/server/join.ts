import { eq } from 'drizzle-orm';
import { db, tables, write } from './db';
import { newId } from './ids';
import { hashPassword } from './auth/password';
import { consumeInvite, type findUsableInvite } from './auth/invites';
import { invalidateUserSessions } from './auth/session';
import { AccountClash, clashOf, normaliseUsername } from './accounts';
import { recordAudit } from './audit';
import { callName } from '$lib/domain/names';

const { users, children, carers } = tables;

type UsableInvite = NonNullable<ReturnType<typeof findUsableInvite>>;

/**
 * Who a code is for. An invite code is for someone without an account (`blocked` when they have one:
 * it can never get into an existing account); a reset code is for someone with one, who keeps their
 * username and chooses a new password.
 */
export function inviteHolder(row: UsableInvite) {
	const person = row.child ?? row.carer;
	if (!person) return null;
	const existing = person.userId
		? db().select().from(users).where(eq(users.id, person.userId)).get()
		: undefined;
	const reset = row.invite.purpose === 'reset';
	return {
		role: row.child ? ('child' as const) : ('carer' as const),
		name: row.child ? callName(row.child) : person.fullName,
		fullName: person.fullName,
		reset,
		blocked: reset ? !existing : Boolean(person.userId),
		username: reset ? (existing?.username ?? null) : null,
		iroId: row.child?.iroId ?? null
	};
}

export type RedeemResult =
	| { userId: string; failure?: undefined }
	| { userId?: undefined; failure: 'used' | 'hasAccount' | 'username' };

/**
 * Redeems a code. An invite code creates the account, and only if the person has none (checked again
 * inside the transaction); a reset code sets a new password on the existing account and ends its
 * sessions. A username taken in the meantime (two forms at once) is a failure, not an error.
 */
export async function redeemInvite(
	row: UsableInvite,
	input: { username: string | null; password: string; language: string }
): Promise<RedeemResult> {
	const reset = row.invite.purpose === 'reset';
	const passwordHash = await hashPassword(input.password);
	const now = Date.now();
	try {
		const result = write((tx): RedeemResult => {
			const person = row.child
				? tx.select().from(children).where(eq(children.id, row.child.id)).get()
				: row.carer
					? tx.select().from(carers).where(eq(carers.id, row.carer.id)).get()
					: undefined;
			if (!person) return { failure: 'used' };
			if (reset ? !person.userId : person.userId) return { failure: 'hasAccount' };
			if (!consumeInvite(row.invite.id, now, tx)) return { failure: 'used' };
			if (reset) {
				const userId = person.userId!;
				tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId)).run();
				recordAudit({ userId, action: 'password.reset_used', subjectId: userId }, now, tx);
				return { userId };
			}
			const userId = newId();
			const email = row.carer?.email?.toLowerCase() ?? null;
			const emailFree = email && !tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
			tx.insert(users)
				.values({
					id: userId,
					role: row.child ? 'child' : 'carer',
					username: normaliseUsername(input.username ?? ''),
					email: emailFree ? email : null,
					passwordHash,
					displayName: row.child ? callName(row.child) : person.fullName,
					language: input.language,
					createdAt: now,
					passwordChangedAt: now - 1
				})
				.run();
			if (row.child) tx.update(children).set({ userId }).where(eq(children.id, row.child.id)).run();
			else tx.update(carers).set({ userId }).where(eq(carers.id, person.id)).run();
			return { userId };
		});
		if (reset && result.userId) invalidateUserSessions(result.userId);
		return result;
	} catch (error) {
		const clash = clashOf(error);
		// The whole transaction is rolled back, so the code still works for another try.
		if (clash === 'username') return { failure: 'username' };
		if (clash) throw new AccountClash(clash);
		throw error;
	}
}
