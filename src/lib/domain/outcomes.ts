import { compareDates, type IsoDate } from './dates';

/**
 * After a held review: what happened to each thing on the child's agenda, the decisions (each
 * someone's to do, by a date), and the letter the IRO writes to the child. Pure rules only.
 */

/** Who will do a decision, by role (a name may be added where it is known). Declared once here. */
export const DECISION_ROLES = [
	'iro',
	'social_worker',
	'carer',
	'parent',
	'child',
	'school',
	'health',
	'advocate',
	'other'
] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number];

/** The parts of the letter after the meeting, in order; each has template words and the IRO's own. */
export const LETTER_PARTS = ['thanks', 'told', 'decided', 'next', 'nextMeeting', 'contact'] as const;
export type LetterPart = (typeof LETTER_PARTS)[number];
export type LetterWords = Record<LetterPart, string>;

/**
 * "A letter from your IRO" ready to show: the set words in the letter's language, the IRO's own words as
 * they wrote them. `server/outcome-letters.ts` renders it; `OutcomeLetter.svelte` shows it.
 */
export interface LetterView<Lang extends string = string> {
	lang: Lang;
	dir: 'ltr' | 'rtl';
	title: string;
	dear: string;
	about: string;
	iroAbout: string;
	parts: Array<{
		part: LetterPart;
		heading: string;
		lines: string[];
		words: string;
		/** Each with the language its words were written in (null: not known, or the set words). */
		items?: Array<{ said: string; saidLang: string | null; did: string; didLang: string | null }>;
		decisions?: Array<{ text: string; lang: string | null; who: string; when: string }>;
	}>;
	/** The language of the IRO's page when they wrote their own words (null: not known). */
	wordsLang: string | null;
	/** "Amina wrote this in English", in the letter's language, when the IRO wrote in another one. */
	wordsNote: string | null;
	labels: { said: string; did: string };
	signOff: string;
}

export function emptyWords(): LetterWords {
	return Object.fromEntries(LETTER_PARTS.map((p) => [p, ''])) as LetterWords;
}

/** The IRO's own words from stored JSON: every part present, anything else dropped. */
export function wordsFrom(json: string | null | undefined): LetterWords {
	const words = emptyWords();
	try {
		const parsed: unknown = JSON.parse(json ?? '{}');
		if (parsed && typeof parsed === 'object') {
			for (const part of LETTER_PARTS) {
				const value = (parsed as Record<string, unknown>)[part];
				if (typeof value === 'string') words[part] = value;
			}
		}
	} catch {
		// A broken value reads as no words.
	}
	return words;
}

/** Where a decision is on the IRO's follow-up list. */
export const FOLLOW_UP_STATES = ['overdue', 'open', 'done'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** Done once marked done; overdue when its date has passed (the day itself still counts); else open. */
export function followUpState(
	decision: { dueOn: IsoDate; doneAt: number | null },
	today: IsoDate
): FollowUpState {
	if (decision.doneAt !== null) return 'done';
	return compareDates(decision.dueOn, today) < 0 ? 'overdue' : 'open';
}
