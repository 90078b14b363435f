/**
 * Right-to-left text and the values put into it. A phone number, email address, code, username or web
 * address is written left to right in every language; inside Arabic or Urdu text the Unicode bidi
 * algorithm would otherwise lay its digit groups out right to left ("4501 123 0300"). Dates and times
 * are in the reader's own script and order, so they keep their own direction (first strong letter)
 * but are kept apart from the words around them.
 *
 * Values in their own element use the dir attribute instead (`<a dir="ltr">`, `<bdi>`): an element
 * with dir is isolated by the browser, and adds no characters to copy.
 */

/** U+2066 LEFT-TO-RIGHT ISOLATE, U+2068 FIRST STRONG ISOLATE, U+2069 POP DIRECTIONAL ISOLATE. */
export const LRI = '\u2066';
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Interpolation names whose values always read left to right. */
const LEFT_TO_RIGHT = new Set(['phone', 'email', 'code', 'username', 'url']);
/** Interpolation names whose values are in the reader's language (dates and times). */
const OWN_DIRECTION = new Set(['date', 'time', 'when']);

export function isolate(value: string, dir: 'ltr' | 'auto'): string {
	return `${dir === 'ltr' ? LRI : FSI}${value}${PDI}`;
}

/**
 * The same interpolation values with phone numbers, email addresses, codes, usernames and web
 * addresses isolated left to right, and dates and times isolated in their own direction.
 */
export function isolateValues(options: Record<string, unknown>): Record<string, unknown> {
	let copy: Record<string, unknown> | null = null;
	for (const [name, value] of Object.entries(options)) {
		if (typeof value !== 'string' && typeof value !== 'number') continue;
		const dir = LEFT_TO_RIGHT.has(name) ? 'ltr' : OWN_DIRECTION.has(name) ? 'auto' : null;
		if (!dir) continue;
		copy ??= { ...options };
		copy[name] = isolate(String(value), dir);
	}
	return copy ?? options;
}
