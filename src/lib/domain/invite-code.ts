/**
 * Invite codes are typed by children from a printed letter: 16 characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), shown in groups of four: 16 × log2(25) ≈ 74 bits,
 * single-use, expiring, and behind a per-address throttle.
 */
export const INVITE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const INVITE_LENGTH = 16;
export const INVITE_LIFETIME_MS = 14 * 24 * 60 * 60_000;

/** Upper-cases and strips spaces, dashes and anything else a person might type between groups. */
export function normaliseInviteCode(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatInviteCode(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export function looksLikeInviteCode(normalised: string): boolean {
	if (normalised.length !== INVITE_LENGTH) return false;
	return [...normalised].every((c) => INVITE_ALPHABET.includes(c));
}

export type InviteState = 'usable' | 'used' | 'revoked' | 'expired';

export function inviteState(
	invite: { expiresAt: number; usedAt: number | null; revokedAt: number | null },
	now: number
): InviteState {
	if (invite.usedAt !== null) return 'used';
	if (invite.revokedAt !== null) return 'revoked';
	if (now >= invite.expiresAt) return 'expired';
	return 'usable';
}
