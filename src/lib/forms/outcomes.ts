import { z } from 'zod';
import { choice, optionalText, requiredText } from './text';
import { dateField } from './staff';
import { DECISION_ROLES, LETTER_PARTS, type LetterWords } from '$lib/domain/outcomes';
import { compareDates } from '$lib/domain/dates';
import { isLocale, type Locale } from '$lib/i18n/locales';

export const OUTCOME_MAX = 2000;
export const WORDS_MAX = 3000;

/** What happened to one agenda item: the field is `outcome-<itemId>`. */
export const outcomeText = optionalText(OUTCOME_MAX, true);

const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'yes');

/** A decision of a review held on `heldOn`: it cannot be due before the review. */
export const decisionSchema = (heldOn: string) =>
	z.object({
		text: requiredText('outcomes:errors.textRequired', 500, true),
		whoRole: choice(DECISION_ROLES, 'outcomes:errors.whoRequired'),
		whoName: optionalText(100),
		dueOn: dateField(
			'outcomes:errors.dueRequired',
			(d) => compareDates(d, heldOn) >= 0,
			'outcomes:errors.dueBeforeReview'
		),
		visibleToChild: checkbox,
		sharedWithCarers: checkbox
	});

export const doneSchema = z.object({
	decision: z.string().max(64).default(''),
	note: requiredText('outcomes:errors.noteRequired', 300, true)
});

/** The IRO's own words for each part of the letter, and the language of the set words. */
export function letterWords(
	form: FormData,
	fallback: Locale
): { words: LetterWords; locale: Locale } | { errors: Record<string, string> } {
	const words = {} as LetterWords;
	const errors: Record<string, string> = {};
	for (const part of LETTER_PARTS) {
		const parsed = optionalText(WORDS_MAX, true).safeParse(String(form.get(part) ?? ''));
		if (parsed.success) words[part] = parsed.data;
		else errors[part] = parsed.error.issues[0].message;
	}
	const chosen = form.get('language');
	if (Object.keys(errors).length) return { errors };
	return { words, locale: isLocale(chosen) ? chosen : fallback };
}
