import { z } from 'zod';
import { requiredText } from './text';

export const MESSAGE_MAX = 5000;

export const messageSchema = z.object({
	body: requiredText('errors:message.required', MESSAGE_MAX, true)
});

export const urgentSchema = z.object({
	body: requiredText('errors:message.urgentRequired', MESSAGE_MAX, true)
});
