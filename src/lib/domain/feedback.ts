import type { Version } from './consultation';
import type { Chair } from './agenda';

/**
 * "How was my meeting?": after a review its IRO has recorded as held, the child and each linked
 * parent or carer may say how it went, or skip. Every question is optional. The lists are declared
 * once here and used by the table, the form schemas and the pages.
 */

/** Who gave the feedback. */
export const RESPONDENTS = ['child', 'carer'] as const;
export type Respondent = (typeof RESPONDENTS)[number];

/** The child's questions, in order. `ranMeeting` only for a child who chose to chair or co-chair. */
export const CHILD_QUESTIONS = ['listened', 'decided', 'timePlace', 'ranMeeting'] as const;
export type ChildQuestion = (typeof CHILD_QUESTIONS)[number];

/** A parent's or carer's questions, in order. */
export const CARER_QUESTIONS = ['listenedTo', 'childHeard', 'timePlace'] as const;
export type CarerQuestion = (typeof CARER_QUESTIONS)[number];

/** One answer scale for every question (the youngest see it as faces, with the words). */
export const FEEDBACK_ANSWERS = ['yes', 'partly', 'no'] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

/** The free-text field ("What should we change?"), and its limit. */
export const CHANGE_FIELD = 'change';
export const FEEDBACK_TEXT_MAX = 1000;

/** The face beside each answer for the 4–7 version (an emoji drawn by static/pictures). */
export const ANSWER_FACES: Record<FeedbackAnswer, string> = { yes: '😀', partly: '😐', no: '😢' };

export type FeedbackAnswers = Partial<Record<ChildQuestion | CarerQuestion, FeedbackAnswer>>;

/** Did the child choose to run their meeting (alone or with the IRO)? */
export function choseToChair(chair: Chair | null | undefined): boolean {
	return chair === 'me' || chair === 'cochair';
}

/** The child's questions for this meeting: all but "did you run it" unless they chose to chair. */
export function childQuestionsFor(chaired: boolean): ChildQuestion[] {
	return CHILD_QUESTIONS.filter((q) => q !== 'ranMeeting' || chaired);
}

/** Faces and pictures for the youngest (the same version rule as My say); words for everyone else. */
export function usesFaces(version: Version): boolean {
	return version === 'young';
}

/** Nothing answered and nothing written: sending this is the same as skipping. */
export function isBlank(answers: FeedbackAnswers, change: string): boolean {
	return Object.values(answers).every((a) => a === undefined) && change.trim() === '';
}

/** One stored feedback, as the counts need it: no names, no free text. */
export interface FeedbackFacts {
	respondent: Respondent;
	answers: FeedbackAnswers;
	skippedAt: number | null;
}

export interface FeedbackCounts {
	/** How many gave feedback, and how many skipped, per respondent. */
	given: Record<Respondent, number>;
	skipped: Record<Respondent, number>;
	/** For each respondent and question, how many gave each answer (unanswered questions are not counted). */
	answers: {
		child: Record<ChildQuestion, Record<FeedbackAnswer, number>>;
		carer: Record<CarerQuestion, Record<FeedbackAnswer, number>>;
	};
}

const zeroes = () =>
	Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, 0])) as Record<FeedbackAnswer, number>;

/**
 * Counts per answer over a set of feedback (for the service's reports): numbers only, never who
 * answered or what they wrote.
 */
export function feedbackCounts(rows: readonly FeedbackFacts[]): FeedbackCounts {
	const counts: FeedbackCounts = {
		given: { child: 0, carer: 0 },
		skipped: { child: 0, carer: 0 },
		answers: {
			child: Object.fromEntries(
				CHILD_QUESTIONS.map((q) => [q, zeroes()])
			) as FeedbackCounts['answers']['child'],
			carer: Object.fromEntries(
				CARER_QUESTIONS.map((q) => [q, zeroes()])
			) as FeedbackCounts['answers']['carer']
		}
	};
	for (const row of rows) {
		if (row.skippedAt !== null) {
			counts.skipped[row.respondent] += 1;
			continue;
		}
		counts.given[row.respondent] += 1;
		const table: Record<string, Record<FeedbackAnswer, number>> = counts.answers[row.respondent];
		for (const [question, answer] of Object.entries(row.answers)) {
			if (answer && table[question] && (FEEDBACK_ANSWERS as readonly string[]).includes(answer))
				table[question][answer] += 1;
		}
	}
	return counts;
}

/** Only the answers to the questions this respondent was asked. */
export function onlyAsked(answers: FeedbackAnswers, asked: readonly string[]): FeedbackAnswers {
	return Object.fromEntries(Object.entries(answers).filter(([q]) => asked.includes(q))) as FeedbackAnswers;
}

/** What became of a submission (told on the home page after it). */
export const FEEDBACK_RESULTS = ['given', 'skipped', 'already'] as const;
export type FeedbackResult = (typeof FEEDBACK_RESULTS)[number];
