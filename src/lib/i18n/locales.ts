/**
 * The 13 languages Voicebox speaks. Names are written in their own script; `script` is the writing
 * system (the dyslexia-friendly font has Latin letters only).
 */
export const LOCALES = [
	{ code: 'en', name: 'English', dir: 'ltr', intl: 'en-GB', script: 'latin' },
	{ code: 'ar', name: 'العربية', dir: 'rtl', intl: 'ar', script: 'arabic' },
	{ code: 'zh-Hant', name: '中文（繁體）', dir: 'ltr', intl: 'zh-Hant-HK', script: 'han' },
	{ code: 'ur', name: 'اردو', dir: 'rtl', intl: 'ur-PK', script: 'arabic' },
	{ code: 'pl', name: 'Polski', dir: 'ltr', intl: 'pl', script: 'latin' },
	{ code: 'pa', name: 'ਪੰਜਾਬੀ', dir: 'ltr', intl: 'pa-Guru-IN', script: 'gurmukhi' },
	{ code: 'es', name: 'Español', dir: 'ltr', intl: 'es', script: 'latin' },
	{ code: 'bn', name: 'বাংলা', dir: 'ltr', intl: 'bn', script: 'bengali' },
	{ code: 'hi', name: 'हिन्दी', dir: 'ltr', intl: 'hi', script: 'devanagari' },
	{ code: 'de', name: 'Deutsch', dir: 'ltr', intl: 'de', script: 'latin' },
	{ code: 'fr', name: 'Français', dir: 'ltr', intl: 'fr', script: 'latin' },
	{ code: 'tr', name: 'Türkçe', dir: 'ltr', intl: 'tr', script: 'latin' },
	{ code: 'ms', name: 'Bahasa Melayu', dir: 'ltr', intl: 'ms', script: 'latin' }
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

/** Maps a browser tag (zh-TW, pa-IN, en-US…) to one of ours, or null. */
export function matchLocale(tag: string): Locale | null {
	const lower = tag.trim().toLowerCase();
	if (!lower) return null;
	if (lower.startsWith('zh')) {
		return /hant|tw|hk|mo/.test(lower) ? 'zh-Hant' : null;
	}
	if (lower.startsWith('pa') && /arab|pk/.test(lower)) return null;
	const base = lower.split(/[-_]/)[0];
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
