import { version } from '$app/environment';
import { dateKitFor } from '$lib/format';
import type { DateKit } from './date-kit';
import { languageNamesIn, localeInfo, type Locale } from './locales';
import { keptPerLanguage } from './kept-per-language';

/**
 * What pages need of a language besides its strings: how it writes dates (`date-kit.ts`) and our
 * languages' names in it (`languageNamesIn`). The server makes it from its complete language data.
 * It is not part of a page's data (which a signed-in reader is sent again on every navigation, for
 * the unread count): the browser fetches its reader's language once from `/i18n/<lang>`, a file it
 * keeps until the next release.
 */
export interface LanguageKit {
	dateKit: DateKit;
	languageNames: Record<string, string>;
}

/** The server's kit for a language (never called in the browser, whose language data may be incomplete). */
export function languageKitOf(lang: Locale): LanguageKit {
	return { dateKit: dateKitFor(localeInfo(lang).intl), languageNames: languageNamesIn(lang) };
}

/** Where the browser fetches a language's kit: a new address with each release, so it can be kept. */
export const languageKitPath = (lang: Locale) => `/i18n/${lang}?v=${encodeURIComponent(version)}`;

/** The browser's copy of a language's kit, fetched on first use and then kept. */
export const fetchedLanguageKit = keptPerLanguage(async (lang): Promise<LanguageKit> => {
	const response = await fetch(languageKitPath(lang));
	if (!response.ok) throw new Error(`${languageKitPath(lang)}: ${response.status}`);
	return response.json();
});
