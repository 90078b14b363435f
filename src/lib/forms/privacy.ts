import { z } from 'zod';
import { choice, message, optionalText } from './text';
import { PRIVATE_READ_NOTE_MAX, PRIVATE_READ_REASONS } from '$lib/domain/privacy';

/** Why someone other than the child's IRO opens what the child kept for their IRO. */
export const privateReadSchema = z
	.object({
		reason: choice(PRIVATE_READ_REASONS, 'errors:privateRead.reason'),
		note: optionalText(PRIVATE_READ_NOTE_MAX)
	})
	.refine((v) => v.reason !== 'other' || v.note !== '', {
		message: message('errors:privateRead.note'),
		path: ['note']
	});
