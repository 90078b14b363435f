import { z } from 'zod';
import { choice, message, optionalText } from './text';
import {
	FORMAT_DOCUMENTS,
	FORMAT_KINDS,
	FORMAT_NOTE_MAX,
	LANGUAGE_TYPED_MAX,
	needsDocument,
	needsLanguage,
	REQUEST_LANGUAGES
} from '$lib/domain/formats';

/** "Another language" in the list: the language is typed in `languageTyped`. */
export const OTHER_LANGUAGE = 'other';

/**
 * Asking for a document in a format or language. A document is needed except for an interpreter;
 * a language is needed for a translation and an interpreter (from the list, or typed).
 */
export const formatRequestSchema = z
	.object({
		kind: choice(FORMAT_KINDS, 'formats:errors.kind'),
		document: z.string().default(''),
		language: z.string().default(''),
		languageTyped: optionalText(LANGUAGE_TYPED_MAX),
		note: optionalText(FORMAT_NOTE_MAX, true)
	})
	.superRefine((v, ctx) => {
		if (needsDocument(v.kind) && !(FORMAT_DOCUMENTS as readonly string[]).includes(v.document))
			ctx.addIssue({ code: 'custom', path: ['document'], message: message('formats:errors.document') });
		const listed = (REQUEST_LANGUAGES as readonly string[]).includes(v.language);
		if (v.language && !listed && v.language !== OTHER_LANGUAGE)
			ctx.addIssue({ code: 'custom', path: ['language'], message: message('formats:errors.language') });
		else if (v.language === OTHER_LANGUAGE && !v.languageTyped)
			ctx.addIssue({ code: 'custom', path: ['languageTyped'], message: message('formats:errors.typed') });
		else if (needsLanguage(v.kind) && !listed && !v.languageTyped)
			ctx.addIssue({ code: 'custom', path: ['language'], message: message('formats:errors.language') });
	})
	.transform((v) => {
		const listed = (REQUEST_LANGUAGES as readonly string[]).includes(v.language);
		return {
			kind: v.kind,
			document: (needsDocument(v.kind) ? v.document : 'meeting') as
				(typeof FORMAT_DOCUMENTS)[number] | 'meeting',
			language: listed ? v.language : null,
			languageTyped: listed ? null : v.languageTyped || null,
			note: v.note
		};
	});

export const formatDoneSchema = z.object({
	requestId: z
		.string()
		.default('')
		.transform((v) => v.trim()),
	doneNote: optionalText(FORMAT_NOTE_MAX, true)
});
