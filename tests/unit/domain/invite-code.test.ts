import { describe, expect, it } from 'vitest';
import {
	formatInviteCode,
	INVITE_ALPHABET,
	INVITE_LENGTH,
	inviteState,
	looksLikeInviteCode,
	normaliseInviteCode
} from '../../../src/lib/domain/invite-code';

describe('invite codes', () => {
	it('are long enough not to be guessed (over 70 bits)', () => {
		expect(INVITE_LENGTH * Math.log2(INVITE_ALPHABET.length)).toBeGreaterThan(70);
		expect(new Set(INVITE_ALPHABET).size).toBe(INVITE_ALPHABET.length);
	});

	it('leave out characters that look alike', () => {
		for (const c of '0O1IL5S2Z8B') expect(INVITE_ALPHABET).not.toContain(c);
	});

	it('accept what a child types: lower case, spaces, dashes', () => {
		expect(normaliseInviteCode(' acde-fghj kmnp–qrtu ')).toBe('ACDEFGHJKMNPQRTU');
		expect(looksLikeInviteCode('ACDEFGHJKMNPQRTU')).toBe(true);
		expect(looksLikeInviteCode('ACDEFGHJKMNPQRT')).toBe(false);
		expect(looksLikeInviteCode('ACDEFGHJKMNPQRT0')).toBe(false);
	});

	it('are shown in groups of four', () => {
		expect(formatInviteCode('ACDEFGHJKMNPQRTU')).toBe('ACDE-FGHJ-KMNP-QRTU');
	});

	it('work once, until they expire or are stopped', () => {
		const invite = { expiresAt: 1000, usedAt: null, revokedAt: null };
		expect(inviteState(invite, 999)).toBe('usable');
		expect(inviteState(invite, 1000)).toBe('expired');
		expect(inviteState({ ...invite, usedAt: 5 }, 10)).toBe('used');
		expect(inviteState({ ...invite, revokedAt: 5 }, 10)).toBe('revoked');
	});
});
