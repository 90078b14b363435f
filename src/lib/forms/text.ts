import { z } from 'zod';

/**
 * Text as people type it, made safe to store: NFC, trimmed, without control characters or the
 * bidi overrides that can disguise text (U+202A–U+202E, U+2066–U+2069). Newlines kept when asked.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(value: string, multiline = false): string {
	const cleaned = value.normalize('NFC').replace(CONTROL, '');
	return (multiline ? cleaned.replace(/\r\n?/g, '\n') : cleaned.replace(/[\r\n\t]+/g, ' ')).trim();
}

/** What a form sends back to itself after an error: text as typed, repeated fields (checkboxes) as lists. */
export type FormEcho = Record<string, string | string[]>;

const MAX_ECHO = 200_000;

/** Reads a posted form to echo it back: every text field as typed (very long ones cut), never a password. */
export function readForm(form: FormData): FormEcho {
	const out: FormEcho = {};
	for (const key of new Set(form.keys())) {
		if (/password/i.test(key)) continue;
		const all = form
			.getAll(key)
			.filter((v): v is string => typeof v === 'string')
			.map((v) => (v.length > MAX_ECHO ? v.slice(0, MAX_ECHO) : v));
		if (all.length) out[key] = all.length > 1 ? all : all[0];
	}
	return out;
}

/** Error messages are translation keys, with parameters after "|" (e.g. "errors:tooLong|max=100"). */
export function message(key: string, params: Record<string, string | number> = {}): string {
	const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
	return query.size ? `${key}|${query}` : key;
}

export function parseMessage(value: string): { key: string; params: Record<string, string | number> } {
	const [key, query = ''] = value.split('|');
	// i18next chooses the plural form only for a count that is a number.
	const params: Record<string, string | number> = Object.fromEntries(new URLSearchParams(query));
	if (typeof params.count === 'string') params.count = Number(params.count);
	return { key, params };
}

/** A required single-line text field. */
export function requiredText(requiredKey: string, max: number, multiline = false) {
	return z
		.string()
		.default('')
		.transform((v) => cleanText(v, multiline))
		.pipe(
			z
				.string()
				.min(1, message(requiredKey))
				.max(max, message('errors:tooLong', { count: max }))
		);
}

/** A required value kept exactly as it was sent (a password, a choice's value, a passkey's answer). */
export function requiredAsSent(requiredKey: string, max: number) {
	return z
		.string()
		.default('')
		.pipe(z.string().min(1, message(requiredKey)).max(max));
}

/** An optional text field: empty becomes ''. */
export function optionalText(max: number, multiline = false) {
	return z
		.string()
		.default('')
		.transform((v) => cleanText(v, multiline))
		.pipe(z.string().max(max, message('errors:tooLong', { count: max })));
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, requiredKey: string) {
	return z.enum(values, { error: message(requiredKey) });
}
