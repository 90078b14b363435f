import type { Locale } from './locales';

/**
 * `load` for each language, run on first use and then kept. A failed load (the phone lost its signal)
 * is not kept: it is tried again on the next navigation.
 */
export function keptPerLanguage<T>(load: (lng: Locale) => Promise<T>): (lng: Locale) => Promise<T> {
	const kept = new Map<Locale, Promise<T>>();
	return (lng) => {
		let value = kept.get(lng);
		if (!value) {
			value = load(lng).catch((error) => {
				kept.delete(lng);
				throw error;
			});
			kept.set(lng, value);
		}
		return value;
	};
}
