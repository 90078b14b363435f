import { londonDate } from './dates';
import type { Role } from './session-policy';

/**
 * "Only my IRO" means only my IRO. What a child marks private, and every message between a child or
 * carer and the IRO, is read by the child's own IRO. Anyone else allowed to open the record (a
 * manager) sees it only after giving a reason, which goes to the audit trail and is shown to the IRO.
 * Reading by anyone other than the addressee never sets read marks.
 */

export const PRIVATE_READ_REASONS = ['absent', 'safeguarding', 'other'] as const;
export type PrivateReadReason = (typeof PRIVATE_READ_REASONS)[number];
export const PRIVATE_READ_NOTE_MAX = 200;

/** Only the child's own IRO reads private things without giving a reason. */
export function needsReason(user: { id: string; role: Role }, child: { iroId: string | null }): boolean {
	return !(user.role === 'iro' && child.iroId === user.id);
}

/** A reason given today (London time) lets that person read that record for the rest of the day. */
export function reasonStillValid(givenAt: number, now: number): boolean {
	return givenAt <= now && londonDate(givenAt) === londonDate(now);
}

/**
 * Whose messages in a conversation this reader may mark read, as their addressee: the child's IRO
 * reads what the family wrote ('family'); the child (in their own conversation) and the carer (in
 * theirs) read what staff wrote ('staff'). Anyone else (a manager, another IRO) marks nothing.
 */
export function readMarksFor(
	reader: { id: string; role: Role },
	facts: {
		iroId: string | null;
		childUserId: string | null;
		carerUserId: string | null;
		isCarerConversation: boolean;
	}
): 'family' | 'staff' | null {
	switch (reader.role) {
		case 'iro':
			return facts.iroId === reader.id ? 'family' : null;
		case 'child':
			return !facts.isCarerConversation && facts.childUserId === reader.id ? 'staff' : null;
		case 'carer':
			return facts.isCarerConversation && facts.carerUserId === reader.id ? 'staff' : null;
		case 'manager':
			return null;
	}
}

/** Audit detail of a private read: the reason and the short note, kept as JSON text. */
export function privateReadDetail(reason: PrivateReadReason, note: string): string {
	return JSON.stringify({ reason, note });
}

export function parsePrivateReadDetail(detail: string): { reason: PrivateReadReason; note: string } {
	try {
		const value = JSON.parse(detail) as { reason?: unknown; note?: unknown };
		const reason = PRIVATE_READ_REASONS.find((r) => r === value.reason) ?? 'other';
		return { reason, note: typeof value.note === 'string' ? value.note : '' };
	} catch {
		return { reason: 'other', note: detail };
	}
}

/** A pack's answers and agenda without what the child kept for their IRO, and how many were left out. */
export function withoutPrivate<
	G extends { answers: Array<{ visibility: string }> },
	A extends { visibility: string }
>(groups: G[], agenda: A[]) {
	let answers = 0;
	const shown = groups.map((group) => {
		const kept = group.answers.filter((a) => a.visibility !== 'iro');
		answers += group.answers.length - kept.length;
		return { ...group, answers: kept };
	});
	const agendaShown = agenda.filter((item) => item.visibility !== 'iro');
	return {
		groups: shown.filter((g) => g.answers.length > 0),
		agenda: agendaShown,
		withheld: { answers, agenda: agenda.length - agendaShown.length }
	};
}
