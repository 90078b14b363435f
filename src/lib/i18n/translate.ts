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
function createTranslate(lng: Locale, resources: Resource, address?: AddressContext): Translate {
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
	const translate: Translate = (key, options) => {
		const values = rtl && options ? isolateValues(options) : options;
		return String(
			t(key, address && values?.context === undefined ? { ...values, context: address } : values)
		);
	};
	// A string with nothing put into it is the same every time: looked up in i18next once.
	const plain = new Map<string, string>();
	return (key, options) => {
		if (options) return translate(key, options);
		let text = plain.get(key);
		if (text === undefined) plain.set(key, (text = translate(key)));
		return text;
	};
}

const made = new WeakMap<ResourceLanguage, Map<string, Translate>>();

/**
 * The translate function for a language's strings (and a child's address context), made once and then
 * shared read-only: a page render, on the server or in the browser, does not build a new i18next.
 */
export function translatorOf(lng: Locale, messages: ResourceLanguage, address?: AddressContext): Translate {
	let byAddress = made.get(messages);
	if (!byAddress) made.set(messages, (byAddress = new Map()));
	let t = byAddress.get(address ?? '');
	if (!t) {
		t = createTranslate(lng, { [lng]: messages }, address);
		byAddress.set(address ?? '', t);
	}
	return t;
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
