import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_CODES, matchLocale, negotiateLocale } from '../../src/lib/i18n/locales';
import { CONTEXT_SUFFIX } from '../../src/lib/domain/address';
import { GENDERED_LANGUAGES } from './support/address-words';

const DIR = join(import.meta.dirname, '../../locales');

function flatten(value: unknown, prefix = '', out: Record<string, string> = {}) {
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		if (v && typeof v === 'object') flatten(v, `${prefix}${k}.`, out);
		else out[`${prefix}${k}`] = String(v);
	}
	return out;
}

function load(lng: string) {
	const out: Record<string, string> = {};
	for (const file of readdirSync(join(DIR, lng))) {
		Object.assign(out, flatten(JSON.parse(readFileSync(join(DIR, lng, file), 'utf8')), `${file}:`));
	}
	return out;
}

const english = load('en');
const PLURAL = /_(zero|one|two|few|many|other)$/;
/**
 * A key's base: without its plural form ("pack.json:agenda.count" for "pack.json:agenda.count_one") and
 * without the address context a gendered language adds ("child.json:home.lead_female").
 */
const base = (key: string) => key.replace(CONTEXT_SUFFIX, '').replace(PLURAL, '');
const pluralBases = [
	...new Set(
		Object.keys(english)
			.filter((k) => PLURAL.test(k))
			.map(base)
	)
];
/** Keys with each plural base in place of its forms: the same in every language. */
const keySet = (messages: Record<string, string>) => [...new Set(Object.keys(messages).map(base))].sort();
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
	it('writes every count as plural forms: a number never meets a noun in one fixed form', () => {
		const counted = Object.keys(english).filter((k) => /{{\s*count\s*}}/.test(english[k]) && !PLURAL.test(k));
		expect(counted).toEqual([]);
		for (const key of pluralBases)
			expect([key, `${key}_one` in english, `${key}_other` in english]).toEqual([key, true, true]);
	});

	it('has a folder for each of the 20 languages and nothing else', () => {
		expect(readdirSync(DIR).sort()).toEqual([...LOCALE_CODES].sort());
		// English says "you" the same to everyone: it has no girl's or boy's forms.
		expect(Object.keys(english).filter((k) => CONTEXT_SUFFIX.test(k))).toEqual([]);
	});

	describe.each(LOCALE_CODES.filter((c) => c !== 'en'))('%s', (lng) => {
		const messages = load(lng);

		it('has every English key, and no extra ones', () => {
			expect(keySet(messages)).toEqual(keySet(english));
		});

		it('writes every count in each plural form the language has (Polish one/few/many, Arabic all six …)', () => {
			// Every form the language has, and English's two (a language with one form, like Chinese, also
			// carries `_one`, the same text, so that every English key exists in every language).
			const categories = new Set([
				...new Intl.PluralRules(lng).resolvedOptions().pluralCategories,
				'one',
				'other'
			]);
			const wrong = pluralBases.filter((key) => {
				const forms = Object.keys(messages).filter(
					(k) => base(k) === key && PLURAL.test(k) && !CONTEXT_SUFFIX.test(k)
				);
				return (
					forms
						.map((k) => k.match(PLURAL)![1])
						.sort()
						.join() !== [...categories].sort().join()
				);
			});
			expect(wrong).toEqual([]);
		});

		it('writes a girl’s or a boy’s form (`_female`, `_male`) only where the language needs one, beside its neutral base key', () => {
			const variants = Object.keys(messages).filter((k) => CONTEXT_SUFFIX.test(k));
			if (!GENDERED_LANGUAGES.includes(lng)) expect(variants).toEqual([]);
			const orphans = variants.filter((k) => !(k.replace(CONTEXT_SUFFIX, '') in messages));
			expect(orphans).toEqual([]);
			const same = variants.filter((k) => messages[k] === messages[k.replace(CONTEXT_SUFFIX, '')]);
			expect(same).toEqual([]);
		});

		it('translates the text rather than repeating the English', () => {
			const words = Object.keys(english).filter((k) => /[a-z]{4,}/i.test(english[k].replace(/{{\w+}}/g, '')));
			const copies = words.filter((k) => messages[k] === english[k]);
			expect(copies.length, copies.join(', ')).toBeLessThanOrEqual(Math.ceil(words.length * 0.06));
		});

		it('uses one term for each concept: wherever the English names it, this language names it the same way', () => {
			// glossary.json holds each language's term for each named part of Voicebox ("My say", "My agenda" …):
			// a text whose English contains the English term must contain this language's term.
			const bare = (term: string) => term.replace(/[?？؟]$/u, '');
			const drift: string[] = [];
			for (const concept of Object.keys(english).filter((k) => k.startsWith('glossary.json:'))) {
				for (const key of Object.keys(english)) {
					if (key.startsWith('glossary.json:') || !english[key].includes(bare(english[concept]))) continue;
					if (!messages[key]?.includes(bare(messages[concept])))
						drift.push(`${key} should say “${messages[concept]}”: ${messages[key]}`);
				}
			}
			expect(drift).toEqual([]);
		});

		it('starts each agenda button with a capital letter where the script has capitals, and names the item after it', () => {
			const actions = Object.keys(messages).filter((k) => k.startsWith('prepare.json:agenda.actions.'));
			expect(actions.length).toBe(4);
			for (const key of actions) {
				const first = messages[key].charAt(0);
				expect([key, first]).toEqual([key, first.toLocaleUpperCase(lng)]);
			}
			// What the button shows comes first in what it is called ("Move up: “Money”"), whole.
			expect(messages['prepare.json:agenda.actionOn'].startsWith('{{action}}')).toBe(true);
		});

		it('keeps every {{placeholder}}', () => {
			// A plural form may leave out the number where the language writes a word for it (Arabic dual).
			const names = (s: string) => placeholders(s).filter((p) => p !== 'count');
			const broken = Object.keys(messages).filter((k) => {
				const source = english[k] ?? english[k.replace(CONTEXT_SUFFIX, '')] ?? english[`${base(k)}_other`];
				return source !== undefined && names(messages[k]).join() !== names(source).join();
			});
			expect(broken).toEqual([]);
		});
	});
});

describe('language choice', () => {
	it('honours q-values in Accept-Language', () => {
		expect(negotiateLocale('fr;q=0.5, pl;q=0.9, en;q=0.1')).toBe('pl');
		expect(negotiateLocale('ja, ar-EG;q=0.8')).toBe('ar');
		expect(negotiateLocale('ja, ko')).toBeNull();
		expect(negotiateLocale(null)).toBeNull();
	});

	it('maps regional tags to ours, and only Traditional Chinese to zh-Hant', () => {
		expect(matchLocale('zh-TW')).toBe('zh-Hant');
		expect(matchLocale('zh-Hant-HK')).toBe('zh-Hant');
		expect(matchLocale('zh-CN')).toBeNull();
		expect(matchLocale('pa-IN')).toBe('pa');
		expect(matchLocale('pa-Arab-PK')).toBeNull();
		expect(matchLocale('en-US')).toBe('en');
	});

	it('reads Dari and Persian tags as Dari, Kurdish in Arabic letters as Sorani, and not Kurmanji', () => {
		expect(matchLocale('fa-AF')).toBe('fa-AF');
		expect(matchLocale('prs')).toBe('fa-AF');
		expect(matchLocale('fa-IR')).toBe('fa-AF');
		expect(matchLocale('ckb-IQ')).toBe('ckb');
		expect(matchLocale('ku-Arab-IQ')).toBe('ckb');
		expect(matchLocale('ku')).toBeNull();
		expect(matchLocale('ti-ER')).toBe('ti');
		expect(matchLocale('cy-GB')).toBe('cy');
		expect(negotiateLocale('ps-AF, en;q=0.5')).toBe('ps');
	});
});
