import i18next, { type Resource, type ResourceLanguage } from 'i18next';
import { getContext, setContext } from 'svelte';
import { localeInfo, type Locale } from './locales';
import { isolateValues } from './bidi';
import type { AddressContext } from '$lib/domain/address';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A fixed-language translate function over the given resources (no shared mutable language). In a
 * right-to-left language, phone numbers, email addresses, codes, dates and times put into a sentence
 * are isolated so that they read in their own direction (see ./bidi.ts). Given the reader's address
 * context (a child who asked to be addressed as a girl or a boy), every string takes its `_female` or
 * `_male` variant where the language has one, and its neutral base key otherwise: the one place it is added.
 */
export function createTranslate(lng: Locale, resources: Resource, address?: AddressContext): Translate {
	const instance = i18next.createInstance();
	instance.init({
		resources,
		lng,
		fallbackLng: false,
		ns: Object.keys(resources[lng] ?? {}),
		defaultNS: 'common',
		interpolation: { escapeValue: false },
		returnNull: false,
		initAsync: false
	} as Parameters<typeof instance.init>[0]);
	const t = instance.getFixedT(lng);
	const rtl = localeInfo(lng).dir === 'rtl';
	return (key, options) => {
		const values = rtl && options ? isolateValues(options) : options;
		return String(
			t(key, address && values?.context === undefined ? { ...values, context: address } : values)
		);
	};
}

export interface I18nContext {
	readonly t: Translate;
	readonly lang: Locale;
	readonly intl: string;
	/** One of our languages' names in the reader's language ("anglisht" to an Albanian reader). */
	readonly languageName: (code: string) => string;
}

const KEY = Symbol('i18n');

export function setI18n(context: I18nContext) {
	setContext(KEY, context);
}

/** Components read translations through this; `i18n.t` follows language changes. */
export function getI18n(): I18nContext {
	return getContext<I18nContext>(KEY);
}

export type Messages = ResourceLanguage;
