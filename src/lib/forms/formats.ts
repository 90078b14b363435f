import { z } from 'zod';
import { message, optionalText } from './text';
import {
	FORMAT_DOCUMENTS,
	FORMAT_KINDS,
	FORMAT_NOTE_MAX,
	LANGUAGE_TYPED_MAX,
	needsDocument,
	needsLanguage,
	REQUEST_LANGUAGES,
	type FormatKind
} from '$lib/domain/formats';

const isKind = (kind: string): kind is FormatKind => (FORMAT_KINDS as readonly string[]).includes(kind);

/** "Another language" in the list: the language is typed in `languageTyped`. */
export const OTHER_LANGUAGE = 'other';

/**
 * Asking for a document in a format or language. A document is needed except for an interpreter;
 * a language is needed for a translation and an interpreter (from the list, or typed).
 */
export const formatRequestSchema = z
	.object({
		// Checked below with the rest, so that every missing answer is named at once.
		kind: z.string().default(''),
		document: z.string().default(''),
		language: z.string().default(''),
		languageTyped: optionalText(LANGUAGE_TYPED_MAX),
		note: optionalText(FORMAT_NOTE_MAX, true)
	})
	.superRefine((v, ctx) => {
		if (!isKind(v.kind))
			ctx.addIssue({ code: 'custom', path: ['kind'], message: message('formats:errors.kind') });
		if (
			(!isKind(v.kind) || needsDocument(v.kind)) &&
			!(FORMAT_DOCUMENTS as readonly string[]).includes(v.document)
		)
			ctx.addIssue({ code: 'custom', path: ['document'], message: message('formats:errors.document') });
		const listed = (REQUEST_LANGUAGES as readonly string[]).includes(v.language);
		if (v.language && !listed && v.language !== OTHER_LANGUAGE)
			ctx.addIssue({ code: 'custom', path: ['language'], message: message('formats:errors.language') });
		else if (v.language === OTHER_LANGUAGE && !v.languageTyped)
			ctx.addIssue({ code: 'custom', path: ['languageTyped'], message: message('formats:errors.typed') });
		else if (isKind(v.kind) && needsLanguage(v.kind) && !listed && !v.languageTyped)
			ctx.addIssue({ code: 'custom', path: ['language'], message: message('formats:errors.language') });
	})
	.transform((v) => {
		const kind = v.kind as FormatKind;
		const listed = (REQUEST_LANGUAGES as readonly string[]).includes(v.language);
		return {
			kind,
			document: (needsDocument(kind) ? v.document : 'meeting') as
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
