import type { Resource } from 'i18next';
import { createTranslate, type Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';

/** Every locale's JSON, bundled at build time and loaded once. */
const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', {
	eager: true,
	import: 'default'
});

export const resources: Resource = {};
for (const [path, messages] of Object.entries(files)) {
	const [, , lng, file] = path.split('/');
	resources[lng] ??= {};
	resources[lng][file.replace(/\.json$/, '')] = messages;
}

const cache = new Map<Locale, Translate>();

/** One fixed-language translate function per language, built on first use and then shared read-only. */
export function translator(lng: Locale): Translate {
	let t = cache.get(lng);
	if (!t) {
		t = createTranslate(lng, { [lng]: resources[lng] ?? {} });
		cache.set(lng, t);
	}
	return t;
}

export function messagesFor(lng: Locale) {
	return resources[lng] ?? {};
}
