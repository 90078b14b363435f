import { z } from 'zod';
import { message, optionalText } from './text';
import { compareDates, isIsoDate } from '$lib/domain/dates';
import { YES_NO } from '$lib/domain/prepare';
import {
	CHAIR_ROLES,
	HELD_CHOICES,
	NOT_HELD_REASON_MAX,
	OTHERS_MAX,
	PARTICIPATION_CODES,
	SPOKE_HOW
} from '$lib/domain/participation';

/** An optional radio group: '' when nothing was chosen, otherwise one of `values`. */
function maybe<const T extends readonly [string, ...string[]]>(values: T) {
	return z
		.string()
		.default('')
		.pipe(z.union([z.literal(''), z.enum(values)]))
		.catch('');
}

const dateText = z
	.string()
	.default('')
	.transform((v) => v.trim());

/**
 * The review's write-up at `today` (London): held (the date, how the child took part, whether they
 * chaired, whether the IRO spoke with them first) or not held (why). Who came is read from the
 * repeated `came` checkboxes by the action.
 */
export const writeUpSchema = (today: string) =>
	z
		.object({
			held: z.enum(HELD_CHOICES, { error: message('review:errors.heldRequired') }),
			heldOn: dateText,
			notHeldReason: optionalText(NOT_HELD_REASON_MAX, true),
			others: optionalText(OTHERS_MAX),
			code: maybe(PARTICIPATION_CODES),
			chaired: maybe(CHAIR_ROLES),
			spokeBefore: maybe(YES_NO),
			spokeOn: dateText,
			spokeHow: maybe(SPOKE_HOW)
		})
		.superRefine((f, ctx) => {
			const issue = (path: string, key: string) =>
				ctx.addIssue({ code: 'custom', path: [path], message: message(key) });
			if (f.held === 'not_held') {
				if (!f.notHeldReason) issue('notHeldReason', 'review:errors.reasonRequired');
				return;
			}
			if (!f.heldOn) issue('heldOn', 'review:errors.heldOnRequired');
			else if (!isIsoDate(f.heldOn)) issue('heldOn', 'errors:date.format');
			else if (compareDates(f.heldOn, today) > 0) issue('heldOn', 'review:errors.heldOnFuture');
			if (!f.code) issue('code', 'review:errors.codeRequired');
			if (!f.chaired) issue('chaired', 'review:errors.chairedRequired');
			if (!f.spokeBefore) issue('spokeBefore', 'review:errors.spokeBeforeRequired');
			if (f.spokeBefore === 'yes') {
				if (!f.spokeOn) issue('spokeOn', 'review:errors.spokeOnRequired');
				else if (!isIsoDate(f.spokeOn)) issue('spokeOn', 'errors:date.format');
				else if (compareDates(f.spokeOn, today) > 0) issue('spokeOn', 'review:errors.spokeOnFuture');
				if (!f.spokeHow) issue('spokeHow', 'review:errors.spokeHowRequired');
			}
		});

/** "Teacher, Advocate" or one a line: the roles of others who came. */
export function splitRoles(others: string): string[] {
	return others
		.split(/[,\n;]+/)
		.map((r) => r.trim())
		.filter(Boolean)
		.slice(0, 20);
}
