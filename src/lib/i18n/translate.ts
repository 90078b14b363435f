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
	// A string is the same every time for the same key and values (the resources never change): made
	// by i18next once, then kept. Values that are not plain (an object, a function) are never kept.
	const kept = new Map<string, string>();
	return (key, options) => {
		const id = options ? keptId(key, options) : key;
		if (id === null) return translate(key, options);
		let text = kept.get(id);
		if (text === undefined) {
			if (kept.size >= KEPT_STRINGS) kept.clear();
			kept.set(id, (text = translate(key, options)));
		}
		return text;
	};
}

/** How many filled strings a translate function keeps before it starts again (a bound on memory). */
const KEPT_STRINGS = 5_000;

/** One string for a key and its values (each value's name, type and text), or null if one is not plain. */
function keptId(key: string, options: Record<string, unknown>): string | null {
	let id = key;
	for (const name in options) {
		const value = options[name];
		const type = typeof value;
		if (value !== null && (type === 'object' || type === 'function' || type === 'symbol')) return null;
		const text = String(value);
		// The length first: a value's text cannot pass for the start of another value.
		id += `\u0000${name}\u0001${type[0]}${text.length}:${text}`;
	}
	return id;
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
