/**
 * Names and usernames that look like someone else's (Unicode TR39, "Security Mechanisms", cut down
 * to what a council's portal meets): text is normalised (NFKC, without invisible characters), a
 * username uses one writing system, and two names "look alike" when their confusable skeletons match.
 * The skeleton table holds the common look-alikes of Latin letters in Cyrillic and Greek, digits that
 * pass for letters, and letter pairs that pass for one letter; it is not the whole of confusables.txt.
 */

/**
 * Characters that show nothing but can make two names differ (zero-width spaces and joiners, the
 * soft hyphen, word joiners, variation selectors, the byte-order mark) and the bidi controls that
 * can reorder what is shown (U+200E/F, U+061C, U+202A–U+202E, U+2066–U+2069).
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** A name or username as stored: NFKC (fullwidth, ligatures, styled letters folded), nothing invisible, spaces single. */
export function normaliseName(value: string): string {
	return value.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Scripts that are one writing system when used together (TR39's "highly restrictive" sets, with Latin). */
const TOGETHER = [
	['Han', 'Hiragana', 'Katakana', 'Latin'],
	['Han', 'Bopomofo', 'Latin'],
	['Han', 'Hangul', 'Latin']
];
const SCRIPTS = [
	'Latin',
	'Cyrillic',
	'Greek',
	'Arabic',
	'Hebrew',
	'Armenian',
	'Georgian',
	'Devanagari',
	'Bengali',
	'Gurmukhi',
	'Gujarati',
	'Tamil',
	'Telugu',
	'Kannada',
	'Malayalam',
	'Sinhala',
	'Thai',
	'Lao',
	'Tibetan',
	'Myanmar',
	'Khmer',
	'Ethiopic',
	'Han',
	'Hiragana',
	'Katakana',
	'Bopomofo',
	'Hangul'
] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/** The writing systems of the letters in `value` (digits and punctuation belong to none). */
export function scriptsOf(value: string): Set<string> {
	const found = new Set<string>();
	for (const char of value) {
		if (!/\p{L}|\p{M}/u.test(char)) continue;
		const script = SCRIPT_TESTS.find(([, test]) => test.test(char));
		// A letter of a script not listed counts as its own: mixed with anything, it is refused.
		found.add(script ? script[0] : `other:${char}`);
	}
	return found;
}

/** Whether a username keeps to one writing system (so `sаm`, with a Cyrillic а, is refused). */
export function isSingleScript(value: string): boolean {
	const scripts = [...scriptsOf(value)];
	if (scripts.length <= 1) return true;
	return TOGETHER.some((set) => scripts.every((s) => set.includes(s)));
}

/**
 * Look-alikes of Latin letters (TR39 confusables.txt, the part that matters for names here). Every
 * target is itself in skeleton form (m is rn, d is cl, w is vv), so a skeleton is stable.
 */
const LOOK_ALIKE: Record<string, string> = {
	// Cyrillic
	а: 'a',
	А: 'A',
	В: 'B',
	ь: 'b',
	Ь: 'b',
	с: 'c',
	С: 'C',
	ԁ: 'cl',
	е: 'e',
	Е: 'E',
	һ: 'h',
	Һ: 'h',
	Н: 'H',
	і: 'i',
	І: 'l',
	ӏ: 'l',
	Ӏ: 'l',
	ј: 'j',
	Ј: 'J',
	к: 'k',
	К: 'K',
	М: 'M',
	о: 'o',
	О: 'O',
	р: 'p',
	Р: 'P',
	ԛ: 'q',
	ѕ: 's',
	Ѕ: 'S',
	Т: 'T',
	у: 'y',
	У: 'Y',
	ү: 'y',
	х: 'x',
	Х: 'X',
	ԝ: 'vv',
	Ԝ: 'VV',
	// Greek
	α: 'a',
	Α: 'A',
	Β: 'B',
	ϲ: 'c',
	Ϲ: 'C',
	Ε: 'E',
	Ζ: 'Z',
	Η: 'H',
	η: 'n',
	ι: 'i',
	Ι: 'l',
	ϳ: 'j',
	κ: 'k',
	Κ: 'K',
	Μ: 'M',
	ν: 'v',
	Ν: 'N',
	ο: 'o',
	Ο: 'O',
	ρ: 'p',
	Ρ: 'P',
	Τ: 'T',
	υ: 'u',
	Υ: 'Y',
	χ: 'x',
	Χ: 'X',
	ω: 'vv',
	// Latin letters and digits that pass for others
	ɑ: 'a',
	ı: 'i',
	ɩ: 'i',
	I: 'l',
	'1': 'l',
	'|': 'l',
	'0': 'o',
	m: 'rn',
	d: 'cl',
	w: 'vv',
	W: 'VV'
};

/**
 * The confusable skeleton of a name: NFKC, without invisible characters, decomposed (NFD), each
 * look-alike replaced by the Latin letters it passes for. Two names whose skeletons match look the same.
 */
export function skeleton(value: string): string {
	let out = '';
	for (const char of normaliseName(value).normalize('NFD')) out += LOOK_ALIKE[char] ?? char;
	return out.normalize('NFD');
}

/**
 * Whether two names or usernames would look the same to a reader: the same skeleton, as typed or in
 * lower case (so `Amina` and `аmina` match, and so do `sam` and `SAM`), once spaces are ignored at the ends.
 */
export function looksAlike(a: string, b: string): boolean {
	return skeleton(a) === skeleton(b) || skeleton(a.toLowerCase()) === skeleton(b.toLowerCase());
}
