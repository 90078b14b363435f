import type { Resource } from 'i18next';
import { createTranslate, type Translate } from '$lib/i18n/translate';
import type { Locale } from '$lib/i18n/locales';
import { CONTEXT_SUFFIX, type AddressContext } from '$lib/domain/address';

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

const cache = new Map<string, Translate>();

/**
 * One fixed-language translate function per language (and, for a child, per address context: see
 * createTranslate), built on first use and then shared read-only.
 */
export function translator(lng: Locale, address?: AddressContext): Translate {
	const key = address ? `${lng}_${address}` : lng;
	let t = cache.get(key);
	if (!t) {
		t = createTranslate(lng, { [lng]: resources[lng] ?? {} }, address);
		cache.set(key, t);
	}
	return t;
}

function hasContext(value: unknown): boolean {
	return Object.entries(value as Record<string, unknown>).some(([key, v]) =>
		v && typeof v === 'object' ? hasContext(v) : CONTEXT_SUFFIX.test(key)
	);
}

const addressed = new Map<Locale, boolean>();

/** Does this language write anything differently for a girl or a boy (has any `_female`/`_male` key)? */
export function addressMatters(lng: Locale): boolean {
	let matters = addressed.get(lng);
	if (matters === undefined) {
		matters = hasContext(resources[lng] ?? {});
		addressed.set(lng, matters);
	}
	return matters;
}

export function messagesFor(lng: Locale) {
	return resources[lng] ?? {};
}
