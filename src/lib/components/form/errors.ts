import { parseMessage } from '$lib/forms/text';
import type { Translate } from '$lib/i18n/translate';

/** Turns a form error ("errors:tooLong|max=100") into the reader's language. */
export function errorText(t: Translate, value: string | undefined): string {
	if (!value) return '';
	const { key, params } = parseMessage(value);
	return t(key.includes(':') ? key : `errors:${key}`, params);
}

/** The aria-describedby of a field with an optional hint and error (and any other ids first). */
export function ariaDescribedBy(
	id: string,
	hint: unknown,
	error: unknown,
	...others: string[]
): string | undefined {
	return (
		[...others, hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
	);
}
