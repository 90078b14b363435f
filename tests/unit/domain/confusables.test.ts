import { describe, expect, it } from 'vitest';
import {
	isSingleScript,
	looksAlike,
	normaliseName,
	scriptsOf,
	skeleton
} from '../../../src/lib/domain/confusables';

describe('names as stored', () => {
	it('fold fullwidth letters and ligatures (NFKC)', () => {
		expect(normaliseName('ｓａｍ')).toBe('sam');
		expect(normaliseName('ﬁona')).toBe('fiona');
		expect(normaliseName('𝐀mina')).toBe('Amina');
	});

	it('lose zero-width characters, the soft hyphen and bidi controls', () => {
		expect(normaliseName('Ami\u200Bna Rah\u200Dman')).toBe('Amina Rahman');
		expect(normaliseName('\uFEFFsam\u00AD\u2060')).toBe('sam');
		expect(normaliseName('sam\u202Egnp')).toBe('samgnp');
		expect(normaliseName('\u2066sam\u2069\u200E\u200F\u061C')).toBe('sam');
	});

	it('keep single spaces, trimmed', () => {
		expect(normaliseName('  Amina \t  Rahman ')).toBe('Amina Rahman');
	});

	it('keep every language’s own letters and marks', () => {
		for (const name of ['سارا', 'ਸਿਮਰਨ', 'প্রিয়া', 'अनन्या', '陳小明', 'Zoë', 'Łucja']) {
			expect(normaliseName(name)).toBe(name.normalize('NFKC'));
		}
	});
});

describe('one writing system a username', () => {
	it('refuses a Latin username with a Cyrillic or Greek letter in it', () => {
		expect(isSingleScript('sam')).toBe(true);
		expect(isSingleScript('s\u0430m')).toBe(false); // Cyrillic а
		expect(isSingleScript('s\u03B1m')).toBe(false); // Greek α
		expect(isSingleScript('\u0441\u043E\u0441\u043E')).toBe(true); // all Cyrillic
	});

	it('accepts digits and . _ - with any one script', () => {
		expect(isSingleScript('sam_2014.b-c')).toBe(true);
		expect(isSingleScript('سارا_12')).toBe(true);
		expect(isSingleScript('ਸਿਮਰਨ.7')).toBe(true);
	});

	it('accepts the mixtures one language writes with (Han with Bopomofo, Kana, Hangul, Latin)', () => {
		expect(isSingleScript('陳ㄅ')).toBe(true);
		expect(isSingleScript('山田たろう')).toBe(true);
		expect(isSingleScript('陳sam')).toBe(true);
		expect(isSingleScript('samسارا')).toBe(false);
		expect(isSingleScript('अनन्याপ্রিয়া')).toBe(false);
	});

	it('names the scripts found', () => {
		expect([...scriptsOf('s\u0430m1')].sort()).toEqual(['Cyrillic', 'Latin']);
	});
});

describe('look-alike names (confusable skeletons)', () => {
	it('match Latin names with Cyrillic or Greek look-alike letters', () => {
		expect(looksAlike('sam', 's\u0430m')).toBe(true);
		expect(looksAlike('Amina Rahman', '\u0410mina Rahm\u0430n')).toBe(true);
		expect(looksAlike('coco', '\u0441\u043E\u0441\u043E')).toBe(true); // all Cyrillic
		expect(looksAlike('Kacper', '\u039A\u03B1cper')).toBe(true); // Greek Κ and α
		expect(looksAlike('apex', '\u0430\u0440\u0435\u0445')).toBe(true);
	});

	it('match digits and letters that pass for letters', () => {
		expect(looksAlike('bob', 'b0b')).toBe(true);
		expect(looksAlike('lily', '1ily')).toBe(true);
		expect(looksAlike('Ian', 'lan')).toBe(true);
		expect(looksAlike('amina', 'arnina')).toBe(true);
		expect(looksAlike('dan', 'clan')).toBe(true);
	});

	it('match names that differ only by invisible characters, width or case', () => {
		expect(looksAlike('Amina Rahman', 'Amina\u200B Rahman')).toBe(true);
		expect(looksAlike('sam', 'ｓａｍ')).toBe(true);
		expect(looksAlike('Sam', 'SAM')).toBe(true);
	});

	it('do not match names that really differ', () => {
		expect(looksAlike('sam', 'sim')).toBe(false);
		expect(looksAlike('Ian', 'Lan')).toBe(false);
		expect(looksAlike('Amina Rahman', 'Amira Rahman')).toBe(false);
		expect(looksAlike('Zoe', 'Zoë')).toBe(false);
		expect(looksAlike('سارا', 'سارة')).toBe(false);
	});

	it('is stable: a skeleton is its own skeleton', () => {
		for (const name of ['s\u0430m', 'Amina', 'b0b', 'amina', 'ԝill', 'dan']) {
			expect(skeleton(skeleton(name))).toBe(skeleton(name));
		}
	});
});
