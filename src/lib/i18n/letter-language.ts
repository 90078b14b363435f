import type { Locale } from './locales';

/**
 * The language a letter is written in by default: the person's own. A child's record keeps the
 * languages they speak as free text ("Urdu, English"); the first one Voicebox speaks wins.
 */
const NAMES: Array<[Locale, string[]]> = [
	['en', ['english', 'en']],
	['ar', ['arabic', 'العربية', 'ar']],
	['zh-Hant', ['chinese', 'cantonese', 'traditional chinese', '中文', '廣東話', 'zh-hant']],
	['ur', ['urdu', 'اردو', 'ur']],
	['pl', ['polish', 'polski', 'pl']],
	['pa', ['punjabi', 'panjabi', 'ਪੰਜਾਬੀ', 'pa']],
	['es', ['spanish', 'español', 'espanol', 'es']],
	['bn', ['bengali', 'bangla', 'sylheti', 'বাংলা', 'bn']],
	['hi', ['hindi', 'हिन्दी', 'हिंदी', 'hi']],
	['de', ['german', 'deutsch', 'de']],
	['fr', ['french', 'français', 'francais', 'fr']],
	['tr', ['turkish', 'türkçe', 'turkce', 'tr']],
	['ms', ['malay', 'bahasa melayu', 'melayu', 'ms']],
	['ps', ['pashto', 'pushto', 'pakhto', 'پښتو', 'ps']],
	['fa-AF', ['dari', 'farsi', 'persian', 'دری', 'فارسی', 'fa-af', 'fa', 'prs']],
	['ti', ['tigrinya', 'tigrigna', 'ትግርኛ', 'ti']],
	['ckb', ['kurdish sorani', 'sorani', 'central kurdish', 'کوردیی ناوەندی', 'سۆرانی', 'ckb']],
	['vi', ['vietnamese', 'tiếng việt', 'tieng viet', 'vi']],
	['sq', ['albanian', 'shqip', 'sq']],
	['cy', ['welsh', 'cymraeg', 'cy']]
];

export function localeFromLanguages(text: string | null | undefined): Locale | null {
	if (!text) return null;
	const parts = text
		.toLowerCase()
		.split(/[,;/()+&]|\band\b|\n/)
		.map((p) => p.replace(/\(.*\)/g, '').trim())
		.filter(Boolean);
	for (const part of parts) {
		const found = NAMES.find(([, names]) => names.includes(part));
		if (found) return found[0];
	}
	return null;
}
