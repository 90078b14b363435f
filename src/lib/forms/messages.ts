import { z } from 'zod';
import { optionalText, requiredText } from './text';
import { MESSAGE_MAX } from '$lib/domain/message-length';

export { MESSAGE_MAX };

export const messageSchema = z.object({
	body: requiredText('errors:message.required', MESSAGE_MAX, true)
});

/** A voice message (issue 13): the words beside it are optional. */
export const voiceMessageSchema = z.object({
	body: optionalText(MESSAGE_MAX, true)
});

export const urgentSchema = z.object({
	body: requiredText('errors:message.urgentRequired', MESSAGE_MAX, true)
});

/** Acknowledging an urgent message: what was done, in a few words (required). */
export const ACK_NOTE_MAX = 1000;
export const acknowledgeSchema = z.object({
	note: requiredText('errors:message.ackNoteRequired', ACK_NOTE_MAX, true)
});
