import { describe, expect, it } from 'vitest';
import { translatorOf } from '$lib/i18n/translate';

/** A translate function keeps the strings it has filled: the same key and values give the same text. */
const messages = () => ({
	common: {
		hello: 'Hello {{name}}',
		pair: '{{a}} and {{b}}',
		item_one: '{{count}} item',
		item_other: '{{count}} items'
	}
});

describe('kept translations', () => {
	it('fills each set of values afresh and gives the same text again for the same values', () => {
		const t = translatorOf('en', messages());
		expect(t('hello', { name: 'Sam' })).toBe('Hello Sam');
		expect(t('hello', { name: 'Kit' })).toBe('Hello Kit');
		expect(t('hello', { name: 'Sam' })).toBe('Hello Sam');
		expect(t('item', { count: 1 })).toBe('1 item');
		expect(t('item', { count: 2 })).toBe('2 items');
		expect(t('item', { count: 1 })).toBe('1 item');
	});

	it('never mistakes one set of values for another, whatever a value holds', () => {
		const t = translatorOf('en', messages());
		expect(t('pair', { a: 'x\u0000b\u0001s1:y', b: 'z' })).toBe('x\u0000b\u0001s1:y and z');
		expect(t('pair', { a: 'x', b: 'y' })).toBe('x and y');
		expect(t('pair', { a: 'x\u0000b\u0001s1:y' })).toBe('x\u0000b\u0001s1:y and {{b}}');
		// A number and the same digits as text are different values (a count picks a plural).
		expect(t('hello', { name: 1 })).toBe('Hello 1');
		expect(t('hello', { name: '1' })).toBe('Hello 1');
	});

	it('still fills values that are not plain (never kept)', () => {
		const t = translatorOf('en', messages());
		const who = { toString: () => 'Ana' };
		expect(t('hello', { name: who })).toBe('Hello Ana');
	});
});
