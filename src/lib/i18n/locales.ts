/**
 * The 20 languages Voicebox speaks. Names are written in their own script; `script` is the writing
 * system (the dyslexia-friendly font has Latin letters only); `intl` is the tag dates and numbers are
 * written with (Pashto and Dari on the Gregorian calendar, as every date in a child's UK papers is).
 * `fluentCheck` is the day a fluent reader checked every string of the language, or null while the
 * language is still awaiting that check (the accessibility page says which are, and how to report a
 * wrong word).
 */
export const LOCALES = [
	{ code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB', script: 'latin', fluentCheck: 'source' },
	{ code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar', script: 'arabic', fluentCheck: null },
	{ code: 'zh-Hant', name: '中文（繁體）', dir: 'ltr', intl: 'zh-Hant-HK', script: 'han', fluentCheck: null },
	{ code: 'ur', name: 'اردو', dir: 'rtl', intl: 'ur-PK', script: 'arabic', fluentCheck: null },
	{ code: 'pl', name: 'Polski', dir: 'ltr', intl: 'pl', script: 'latin', fluentCheck: null },
	{ code: 'pa', name: 'ਪੰਜਾਬੀ', dir: 'ltr', intl: 'pa-Guru-IN', script: 'gurmukhi', fluentCheck: null },
	{ code: 'es', name: 'Español', dir: 'ltr', intl: 'es', script: 'latin', fluentCheck: null },
	{ code: 'bn', name: 'বাংলা', dir: 'ltr', intl: 'bn', script: 'bengali', fluentCheck: null },
	{ code: 'hi', name: 'हिन्दी', dir: 'ltr', intl: 'hi', script: 'devanagari', fluentCheck: null },
	{ code: 'de', name: 'Deutsch', dir: 'ltr', intl: 'de', script: 'latin', fluentCheck: null },
	{ code: 'fr', name: 'Français', dir: 'ltr', intl: 'fr', script: 'latin', fluentCheck: null },
	{ code: 'tr', name: 'Türkçe', dir: 'ltr', intl: 'tr', script: 'latin', fluentCheck: null },
	{ code: 'ms', name: 'Bahasa Melayu', dir: 'ltr', intl: 'ms', script: 'latin', fluentCheck: null },
	{ code: 'ps', name: 'پښتو', dir: 'rtl', intl: 'ps-AF-u-ca-gregory', script: 'arabic', fluentCheck: null },
	{ code: 'fa-AF', name: 'دری', dir: 'rtl', intl: 'fa-AF-u-ca-gregory', script: 'arabic', fluentCheck: null },
	{ code: 'ti', name: 'ትግርኛ', dir: 'ltr', intl: 'ti-ER', script: 'ethiopic', fluentCheck: null },
	{ code: 'ckb', name: 'کوردیی ناوەندی', dir: 'rtl', intl: 'ckb-IQ', script: 'arabic', fluentCheck: null },
	{ code: 'vi', name: 'Tiếng Việt', dir: 'ltr', intl: 'vi', script: 'latin', fluentCheck: null },
	{ code: 'sq', name: 'Shqip', dir: 'ltr', intl: 'sq', script: 'latin', fluentCheck: null },
	{ code: 'cy', name: 'Cymraeg', dir: 'ltr', intl: 'cy-GB', script: 'latin', fluentCheck: null }
] as const;

export type Locale = (typeof LOCALES)[number]['code'];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_CODES: readonly Locale[] = LOCALES.map((l) => l.code);

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALE_CODES as readonly string[]).includes(value);
}

export function localeInfo(code: Locale) {
	return LOCALES.find((l) => l.code === code) ?? LOCALES[0];
}

/** The languages still awaiting a fluent reader's check of their strings. */
export const AWAITING_FLUENT_CHECK: readonly Locale[] = LOCALES.filter((l) => l.fluentCheck === null).map(
	(l) => l.code
);

/** Tags we answer with another code: Persian (fa) and Dari's ISO 639-3 tag (prs) read our Dari. */
const ALIASES: Record<string, Locale> = { fa: 'fa-AF', prs: 'fa-AF' };

/** Maps a browser tag (zh-TW, pa-IN, en-US, fa-AF…) to one of ours, or null. */
export function matchLocale(tag: string): Locale | null {
	const lower = tag.trim().toLowerCase();
	if (!lower) return null;
	if (lower.startsWith('zh')) {
		return /hant|tw|hk|mo/.test(lower) ? 'zh-Hant' : null;
	}
	if (lower.startsWith('pa') && /arab|pk/.test(lower)) return null;
	// Kurdish written in Arabic letters is Sorani; Kurmanji (ku, ku-Latn) is a language we do not have.
	if (/^ku[-_]arab/.test(lower)) return 'ckb';
	const base = lower.split(/[-_]/)[0];
	if (ALIASES[base]) return ALIASES[base];
	return LOCALE_CODES.find((c) => c.toLowerCase() === base) ?? null;
}

/** Picks the best language from an Accept-Language header, honouring q-values. */
export function negotiateLocale(header: string | null): Locale | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
		})
		.filter((r) => r.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
	for (const r of ranked) {
		const match = matchLocale(r.tag);
		if (match) return match;
	}
	return null;
}

const displayNames = new Map<Locale, Intl.DisplayNames>();
/** A language's name as the reader's language writes it ("anglisht" in Albanian), else its own name. */
export function languageName(code: string, reader: Locale): string {
	let names = displayNames.get(reader);
	if (!names) {
		names = new Intl.DisplayNames(localeInfo(reader).intl, { type: 'language', fallback: 'none' });
		displayNames.set(reader, names);
	}
	const own = LOCALES.find((l) => l.code === code)?.name;
	return names.of(code) ?? own ?? code;
}

const namesIn = new Map<Locale, Record<string, string>>();
/**
 * Our languages' names as the reader's language writes them. Browsers lack some of these (Chromium
 * has no Tigrinya or Pashto names), so the server, whose data is complete, sends them with the page.
 */
export function languageNamesIn(reader: Locale): Record<string, string> {
	let names = namesIn.get(reader);
	if (!names) {
		names = Object.fromEntries(LOCALE_CODES.map((code) => [code, languageName(code, reader)]));
		namesIn.set(reader, names);
	}
	return names;
}

/** Language names joined as the reader's language joins a list ("Pashto, Albanian and Malay"). */
export function languageList(codes: readonly string[], reader: Locale): string {
	const list = new Intl.ListFormat(localeInfo(reader).intl, { type: 'conjunction' });
	return list.format(codes.map((code) => languageName(code, reader)));
}
