import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db, tables, write } from '../db';
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

/** Issues a new code for a child or carer; any earlier unused code for them stops working. */
export function issueInvite(target: InviteFor, createdBy: string, now = Date.now()): string {
	const code = generateInviteCode();
	write((tx) => {
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
				expiresAt: now + INVITE_LIFETIME_MS
			})
			.run();
	});
	return formatInviteCode(code);
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
export function consumeInvite(inviteId: string, now = Date.now()): boolean {
	const result = write((tx) =>
		tx
			.update(invites)
			.set({ usedAt: now })
			.where(and(eq(invites.id, inviteId), isNull(invites.usedAt), isNull(invites.revokedAt)))
			.run()
	);
	return result.changes === 1;
}
