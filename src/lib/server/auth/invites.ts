import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db, tables, write, type Tx } from '../db';
import { newId } from '../ids';
import {
	INVITE_ALPHABET,
	INVITE_LENGTH,
	INVITE_LIFETIME_MS,
	formatInviteCode,
	inviteState,
	looksLikeInviteCode,
	normaliseInviteCode
} from '$lib/domain/invite-code';

const { invites, children, carers } = tables;

export type Invite = typeof invites.$inferSelect;
export type InviteFor = { childId: string; carerId?: undefined } | { carerId: string; childId?: undefined };

function hashCode(normalised: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normalised)));
}

/** Random code over the invite alphabet, without modulo bias (rejection sampling). */
export function generateInviteCode(): string {
	const out: string[] = [];
	const limit = 256 - (256 % INVITE_ALPHABET.length);
	while (out.length < INVITE_LENGTH) {
		for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
			if (byte < limit && out.length < INVITE_LENGTH)
				out.push(INVITE_ALPHABET[byte % INVITE_ALPHABET.length]);
		}
	}
	return out.join('');
}

function forPerson(target: InviteFor) {
	return target.childId ? eq(invites.childId, target.childId) : eq(invites.carerId, target.carerId!);
}

export type CodePurpose = 'invite' | 'reset';

/** The account of the person a code would be for, read inside the writing transaction. */
function accountOf(tx: Tx, target: InviteFor): string | null | undefined {
	const row = target.childId
		? tx.select({ userId: children.userId }).from(children).where(eq(children.id, target.childId)).get()
		: tx.select({ userId: carers.userId }).from(carers).where(eq(carers.id, target.carerId!)).get();
	return row ? row.userId : undefined;
}

/**
 * Issues a new code for a child or carer; any earlier unused code for them stops working.
 * An invite code only ever creates an account that does not exist yet, so it is refused (null) for
 * someone who has an account; a reset code is only for someone who has one (see password-reset.ts).
 */
export function issueInvite(
	target: InviteFor,
	createdBy: string,
	now = Date.now(),
	purpose: CodePurpose = 'invite',
	tx?: Tx
): string | null {
	const code = generateInviteCode();
	const run = (tx: Tx) => {
		const account = accountOf(tx, target);
		if (account === undefined) return false;
		if (purpose === 'invite' ? account !== null : account === null) return false;
		tx.update(invites)
			.set({ revokedAt: now })
			.where(and(forPerson(target), isNull(invites.usedAt), isNull(invites.revokedAt)))
			.run();
		tx.insert(invites)
			.values({
				id: newId(),
				codeHash: hashCode(code),
				childId: target.childId ?? null,
				carerId: target.carerId ?? null,
				createdBy,
				createdAt: now,
				expiresAt: now + INVITE_LIFETIME_MS,
				purpose
			})
			.run();
		return true;
	};
	const issued = tx ? run(tx) : write(run);
	return issued ? formatInviteCode(code) : null;
}

/**
 * The invite behind this code if it is the one waiting to be used for this person (to show its letter
 * again, in another language, without issuing anything); null otherwise.
 */
export function waitingInvite(target: InviteFor, input: string, now = Date.now()): Invite | null {
	const code = normaliseInviteCode(input);
	if (!looksLikeInviteCode(code)) return null;
	const invite = db()
		.select()
		.from(invites)
		.where(and(forPerson(target), eq(invites.codeHash, hashCode(code))))
		.get();
	return invite && inviteState(invite, now) === 'usable' ? invite : null;
}

export function revokeInvites(target: InviteFor, now = Date.now()): void {
	write((tx) =>
		tx
			.update(invites)
			.set({ revokedAt: now })
			.where(and(forPerson(target), isNull(invites.usedAt), isNull(invites.revokedAt)))
			.run()
	);
}

/** The newest invite for this person, to show its state to the IRO. */
export function latestInvite(target: InviteFor, now = Date.now()) {
	const invite = db().select().from(invites).where(forPerson(target)).orderBy(desc(invites.createdAt)).get();
	return invite ? { ...invite, state: inviteState(invite, now) } : null;
}

/** A code that can be used now, with whom it is for; null for anything else. */
export function findUsableInvite(input: string, now = Date.now()) {
	const code = normaliseInviteCode(input);
	if (!looksLikeInviteCode(code)) return null;
	const row = db()
		.select({ invite: invites, child: children, carer: carers })
		.from(invites)
		.leftJoin(children, eq(children.id, invites.childId))
		.leftJoin(carers, eq(carers.id, invites.carerId))
		.where(eq(invites.codeHash, hashCode(code)))
		.get();
	if (!row || inviteState(row.invite, now) !== 'usable') return null;
	return row;
}

/** Marks the code used, once: false if it was used (or revoked) in the meantime. */
export function consumeInvite(inviteId: string, now = Date.now(), tx?: Tx): boolean {
	const result = (tx ?? db())
		.update(invites)
		.set({ usedAt: now })
		.where(and(eq(invites.id, inviteId), isNull(invites.usedAt), isNull(invites.revokedAt)))
		.run();
	return result.changes === 1;
}
