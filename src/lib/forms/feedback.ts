import { z } from 'zod';
import { message, optionalText } from './text';
import {
	CARER_QUESTIONS,
	CHANGE_FIELD,
	CHILD_QUESTIONS,
	FEEDBACK_ANSWERS,
	FEEDBACK_TEXT_MAX,
	type FeedbackAnswers
} from '$lib/domain/feedback';

/**
 * "How was my meeting?" forms. Every question is optional: an unanswered question is left out.
 * Server-side only (zod needs `new Function`): pages import the lists from $lib/domain/feedback.
 */
const answer = z
	.string()
	.default('')
	.pipe(z.enum(['', ...FEEDBACK_ANSWERS], { error: message('feedback:errors.answer') }))
	.transform((v) => (v === '' ? undefined : v));

function schemaOf<const Q extends readonly string[]>(questions: Q) {
	const shape = Object.fromEntries(questions.map((q) => [q, answer])) as Record<Q[number], typeof answer>;
	return z.object({ ...shape, [CHANGE_FIELD]: optionalText(FEEDBACK_TEXT_MAX, true) }).transform((data) => {
		const record = data as Record<string, string | undefined>;
		const answers: FeedbackAnswers = {};
		for (const q of questions) {
			const value = record[q];
			if (value) answers[q as keyof FeedbackAnswers] = value as FeedbackAnswers[keyof FeedbackAnswers];
		}
		return { answers, change: record[CHANGE_FIELD] ?? '' };
	});
}

export const childFeedbackSchema = schemaOf(CHILD_QUESTIONS);
export const carerFeedbackSchema = schemaOf(CARER_QUESTIONS);
