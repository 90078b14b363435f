import type { Resource } from 'i18next';
import { translatorOf, type Translate } from '$lib/i18n/translate';
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

/** The translate function for a language (and a child's address context: see i18n/translate.ts). */
export function translator(lng: Locale, address?: AddressContext): Translate {
	return translatorOf(lng, resources[lng], address);
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
