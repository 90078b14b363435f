import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALE_CODES, matchLocale, negotiateLocale } from '../../src/lib/i18n/locales';

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
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
	it('has a folder for each of the 13 languages and nothing else', () => {
		expect(readdirSync(DIR).sort()).toEqual([...LOCALE_CODES].sort());
	});

	describe.each(LOCALE_CODES.filter((c) => c !== 'en'))('%s', (lng) => {
		const messages = load(lng);

		it('has every English key, and no extra ones', () => {
			expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
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

		it('keeps every {{placeholder}}', () => {
			const broken = Object.keys(english).filter(
				(k) => k in messages && placeholders(messages[k]).join() !== placeholders(english[k]).join()
			);
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
});
