import { z } from 'zod';
import { cleanText, message, readForm, type FormEcho } from './text';
import { VISIBILITIES } from '$lib/domain/prepare';
import {
	FEELINGS,
	SCALE_MAX,
	SCALE_MIN,
	isValidAnswer,
	type AnswerValue,
	type Incoming,
	type Question,
	type Visibility,
	PAGE_WHO_FIELD,
	whoField
} from '$lib/domain/consultation';

/**
 * "My say" forms: one page (step) of questions, each with "who can see this?". Field names are the
 * question ids; who can see an answer is `<id>-who`. Pictures are checkboxes, so they can repeat.
 * Errors are translation keys in the `say` namespace.
 */

const FEELING_VALUES = ['', ...FEELINGS] as const;
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const one = z.preprocess(first, z.string().default(''));

function valueSchema(question: Question) {
	switch (question.kind) {
		case 'text':
			return one
				.transform((v) => cleanText(v, true))
				.pipe(
					z.string().superRefine((v, ctx) => {
						const count = [...v].length;
						if (count > question.max)
							ctx.addIssue({
								code: 'custom',
								message: message('say:errors.tooLong', { max: question.max, count })
							});
					})
				);
		case 'scale':
			return one
				.transform((v) => v.trim())
				.pipe(
					z
						.string()
						.regex(/^(\d{1,2})?$/, message('say:errors.scale', { min: SCALE_MIN, max: SCALE_MAX }))
						.transform((v) => (v === '' ? '' : Number(v)))
						.refine(
							(v) => v === '' || (v >= SCALE_MIN && v <= SCALE_MAX),
							message('say:errors.scale', { min: SCALE_MIN, max: SCALE_MAX })
						)
				);
		case 'feeling':
			return one.pipe(z.enum(FEELING_VALUES, { error: message('say:errors.feeling') }));
		case 'pictures':
			return z
				.preprocess(
					(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
					z.array(z.string().refine((p) => question.options.includes(p), message('say:errors.pictures')))
				)
				.transform((list) => [...new Set(list)]);
	}
}

const visibilitySchema = z.preprocess(
	(v) => first(v) || 'iro',
	z.enum(VISIBILITIES, { error: message('say:errors.visibility') })
);

/**
 * The zod schema of one page: each question's value and who can see it (under each question, or
 * once for the page: `PAGE_WHO_FIELD`, see `whoOncePerPage`).
 */
export function stepSchema(questions: readonly Question[], whoOnce = false) {
	const shape: Record<string, z.ZodType> = {};
	for (const q of questions) {
		shape[q.id] = valueSchema(q);
		if (!whoOnce) shape[whoField(q.id)] = visibilitySchema;
	}
	if (whoOnce) shape[PAGE_WHO_FIELD] = visibilitySchema;
	return z.object(shape);
}

export type StepResult =
	{ ok: true; incoming: Incoming[] } | { ok: false; errors: Record<string, string>; values: FormEcho };

/** Reads and checks one page; nothing is saved if any answer on it is refused. */
export function parseStep(questions: readonly Question[], form: FormData, whoOnce = false): StepResult {
	const values = readForm(form);
	const result = stepSchema(questions, whoOnce).safeParse(values);
	if (!result.success) {
		const errors: Record<string, string> = {};
		for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
		return { ok: false, errors, values };
	}
	const data = result.data as Record<string, unknown>;
	const incoming: Incoming[] = [];
	for (const q of questions) {
		const value = data[q.id] as AnswerValue;
		// An empty scale or feeling is "not answered"; anything else must be what the question accepts.
		if (value !== '' && !isValidAnswer(q, value)) {
			return { ok: false, errors: { [q.id]: message('say:errors.invalid') }, values };
		}
		const who = whoOnce ? PAGE_WHO_FIELD : whoField(q.id);
		incoming.push({ id: q.id, value, visibility: data[who] as Visibility });
	}
	return { ok: true, incoming };
}

/** When the page was shown (hidden field), for "changed in another window"; 0 if missing. */
export function loadedAtOf(form: FormData): number {
	const n = Number(form.get('loadedAt'));
	return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** The 4–7 version asks first: "Is a grown-up helping you?" */
export const startSchema = z.object({
	withCarer: z.enum(['yes', 'no'], { error: message('say:errors.withCarer') })
});
