/**
 * Asking for a document in another format or language (issue 13): what can be asked for, which
 * document, and the languages offered. Pure rules: no database, no SvelteKit.
 */

/** The ways a document can be asked for. `interpreter` is for the meeting itself, not a document. */
export const FORMAT_KINDS = [
	'braille',
	'audio',
	'largePrint',
	'easyRead',
	'language',
	'interpreter'
] as const;
export type FormatKind = (typeof FORMAT_KINDS)[number];

/** The documents a child or carer can ask for; `meeting` is only the interpreter's. */
export const FORMAT_DOCUMENTS = ['letter', 'welcome', 'agenda', 'mySay', 'other'] as const;
export type FormatDocument = (typeof FORMAT_DOCUMENTS)[number] | 'meeting';

/** A language must be named for a translation and for an interpreter. */
export function needsLanguage(kind: FormatKind): boolean {
	return kind === 'language' || kind === 'interpreter';
}

/** An interpreter is for the meeting: no document is chosen. */
export function needsDocument(kind: FormatKind): boolean {
	return kind !== 'interpreter';
}

/**
 * The languages offered in the list (BCP 47 codes): the portal's own and those of children the
 * councils receive that the portal does not have yet, and British Sign Language for an interpreter.
 * Anything else is typed in.
 */
export const REQUEST_LANGUAGES = [
	'en',
	'ar',
	'zh-Hant',
	'ur',
	'pl',
	'pa',
	'es',
	'bn',
	'hi',
	'de',
	'fr',
	'tr',
	'ms',
	'ps',
	'fa-AF',
	'fa',
	'ti',
	'am',
	'ckb',
	'ku',
	'vi',
	'sq',
	'cy',
	'so',
	'ro',
	'pt',
	'ru',
	'uk',
	'ta',
	'gu',
	'sw',
	'bfi'
] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

/** British Sign Language has no name in every language's list of language names: it has its own words. */
export const SIGN_LANGUAGE = 'bfi';

export const LANGUAGE_TYPED_MAX = 60;
export const FORMAT_NOTE_MAX = 500;

/** A request is open until the IRO marks it done. */
export function isOpen(request: { doneAt: number | null }): boolean {
	return request.doneAt === null;
}

/** Counts by a key, largest first, then by the key (the report's rows). */
export function countBy<T>(rows: T[], key: (row: T) => string): Array<[string, number]> {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * A listed language's name in the reader's language, with its own name beside it when that differs
 * ("Tigrinya (ትግርኛ)"), so a child can find their language whichever language the page is in.
 * British Sign Language is named by `signLanguage` (the reader's words for it).
 */
export function languageLabel(code: string, readerIntl: string, signLanguage: string): string {
	if (code === SIGN_LANGUAGE) return signLanguage;
	const inReader = nameOf(code, readerIntl);
	const own = nameOf(code, code);
	return own && own !== inReader ? `${inReader} (${own})` : inReader;
}

function nameOf(code: string, locale: string): string {
	try {
		return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}
