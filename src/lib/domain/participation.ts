/**
 * How a child took part in their review, as the IRO records it after the meeting (pure rules: no
 * database, no SvelteKit). The codes are the national SSDA903 participation codes (PN0–PN7).
 */

export const PARTICIPATION_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export type ParticipationCode = (typeof PARTICIPATION_CODES)[number];

/** Whether the child chaired their meeting. */
export const CHAIR_ROLES = ['chaired', 'co_chaired', 'no'] as const;
export type ChairRole = (typeof CHAIR_ROLES)[number];

/** How the IRO spoke with the child before the meeting. */
export const SPOKE_HOW = ['in_person', 'phone', 'video', 'message'] as const;
export type SpokeHow = (typeof SPOKE_HOW)[number];

/** Who came to the meeting: the child, a linked parent or carer, the social worker, others by role. */
export const ATTENDEE_KINDS = ['child', 'carer', 'social_worker', 'other'] as const;
export type AttendeeKind = (typeof ATTENDEE_KINDS)[number];

/** Whether the review took place, as the IRO records it. */
export const HELD_CHOICES = ['held', 'not_held'] as const;
export type HeldChoice = (typeof HELD_CHOICES)[number];

/** The longest "why it did not take place" and "others who came" the write-up keeps. */
export const NOT_HELD_REASON_MAX = 1000;
export const OTHERS_MAX = 500;

/** Participation codes only apply to a child of this age or more at the review (PN0 below it). */
export const PARTICIPATION_MIN_AGE = 4;

export interface ParticipationFacts {
	/** The child's age in whole years on the day of the review. */
	ageAtReview: number;
	/** The child came to the meeting (as the IRO ticked it). */
	childCame: boolean;
	/** An advocate was arranged for this meeting. */
	advocate: boolean;
	/** The child sent their views before the meeting (My say). */
	sentViews: boolean;
}

/**
 * The code Voicebox suggests from what it knows; the IRO decides. PN3 (views without words) and PN4
 * (came without contributing) are never suggested: only the IRO, who was there, can tell.
 * - under 4 at the review: PN0;
 * - came with an advocate: PN2; came without one: PN1;
 * - did not come, an advocate arranged: PN5; sent their views: PN6; otherwise PN7.
 */
export function suggestParticipation(facts: ParticipationFacts): ParticipationCode {
	if (facts.ageAtReview < PARTICIPATION_MIN_AGE) return 'PN0';
	if (facts.childCame) return facts.advocate ? 'PN2' : 'PN1';
	if (facts.advocate) return 'PN5';
	return facts.sentViews ? 'PN6' : 'PN7';
}

/** A held date may not be in the future, nor long before the meeting was booked for. */
export const HELD_EARLIEST_DAYS_BEFORE = 30;
