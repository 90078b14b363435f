import { z } from 'zod';
import { requiredText } from './text';
import { dateField } from './staff';
import { compareDates } from '$lib/domain/dates';

/** Closing a child's record: the date they left care (not in the future) and why. */
export const closeRecordSchema = (today: string) =>
	z.object({
		closedOn: dateField(
			'records:errors.dateRequired',
			(d) => compareDates(d, today) <= 0 && compareDates(d, '2000-01-01') >= 0,
			'records:errors.dateRange'
		),
		reason: requiredText('records:errors.reasonRequired', 500, true)
	});

/** Erasing a closed record before its time: why the law allows it (kept in the audit trail). */
export const eraseRecordSchema = z.object({
	reason: requiredText('records:errors.eraseReasonRequired', 300, true)
});

/** Unlinking a carer: whether to close their account too (offered when they have no other child). */
export const unlinkSchema = z.object({
	endAccount: z
		.string()
		.optional()
		.transform((v) => v === '1')
});

/** "Use the picture version" on or off (the IRO on the child's record, or the child in their settings). */
export const pictureVersionSchema = z.object({ pictures: z.enum(['on', 'off']) });
