import { describe, expect, it } from 'vitest';
import { countBy, languageLabel, needsDocument, needsLanguage } from '../../../src/lib/domain/formats';

describe('asking for a format', () => {
	it('needs a language for a translation and an interpreter, and no document for an interpreter', () => {
		expect(needsLanguage('language')).toBe(true);
		expect(needsLanguage('interpreter')).toBe(true);
		expect(needsLanguage('braille')).toBe(false);
		expect(needsDocument('interpreter')).toBe(false);
		expect(needsDocument('easyRead')).toBe(true);
	});

	it('names a language in the reader’s language with its own name beside it', () => {
		expect(languageLabel('ti', 'en-GB', 'BSL')).toBe('Tigrinya (ትግርኛ)');
		expect(languageLabel('ps', 'ar', 'BSL')).toBe('البشتو (پښتو)');
		expect(languageLabel('en', 'en-GB', 'BSL')).toBe('English');
		expect(languageLabel('bfi', 'en-GB', 'British Sign Language (BSL)')).toBe('British Sign Language (BSL)');
	});

	it('counts largest first', () => {
		expect(countBy(['a', 'b', 'b', 'c', 'c', 'c'], (x) => x)).toEqual([
			['c', 3],
			['b', 2],
			['a', 1]
		]);
	});
});
