import { z } from 'zod';
import { choice, message, optionalText, requiredAsSent } from './text';
import { ATTENDING, IRO_SUPPORT_STATUSES, VIEWS_FIELDS, VIEWS_MAX } from '$lib/domain/pack';

/**
 * Parents' and carers' views, reminders and support status.
 * Server-side only: zod builds its parsers with `new Function`, which the browser's CSP forbids, so
 * pages import the constants from $lib/domain/pack instead.
 */
export { ATTENDING, VIEWS_FIELDS, VIEWS_MAX };

const attending = z
	.string()
	.default('')
	.transform((v) => v.trim())
	.pipe(z.enum(['', ...ATTENDING], { error: message('pack:errors.attending') }))
	.transform((v) => (v === '' ? null : v));

const views = z.object({
	goingWell: optionalText(VIEWS_MAX, true),
	worries: optionalText(VIEWS_MAX, true),
	nextSteps: optionalText(VIEWS_MAX, true),
	anythingElse: optionalText(VIEWS_MAX, true),
	attending
});

/** Saving a draft: anything goes, within the limits. */
export const viewsDraftSchema = views;

/** Sending: at least one answer, or whether they will come. */
export const viewsSendSchema = views.refine(
	(v) => VIEWS_FIELDS.some((f) => v[f] !== '') || v.attending !== null,
	{ message: message('pack:errors.viewsEmpty'), path: ['goingWell'] }
);

export const remindSchema = z.object({
	to: requiredAsSent('pack:errors.remindWho', 40)
});

export const supportStatusSchema = z.object({
	requestId: z.string().default('').pipe(z.string().min(1).max(40)),
	status: choice(IRO_SUPPORT_STATUSES, 'pack:errors.statusRequired')
});
