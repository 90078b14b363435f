import { describe, expect, it } from 'vitest';
import { translator, resources } from '../../src/lib/server/i18n';

/**
 * A number meets its noun in the form the language uses for that number: "1 minute", Polish
 * "2 minuty" / "5 minut", Arabic's dual and its forms for 3–10, 11–99 and 100 and more.
 */
const form = (lng: string, ns: string, key: string) =>
	key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[lng][ns]) as string;

describe('plural forms', () => {
	it('says "1 minute", not "1 minutes", in the staff sign-out warning', () => {
		const t = translator('en');
		expect(t('common:timeout.body', { count: 1 })).toContain('in 1 minute if');
		expect(t('common:timeout.body', { count: 2 })).toContain('in 2 minutes if');
	});

	it('picks each Polish form by the number: 1 wiadomość, 3 wiadomości, 5 wiadomości', () => {
		const t = translator('pl');
		expect(t('messages:inbox.unread', { count: 1 })).toBe('1 nieprzeczytana wiadomość');
		expect(t('messages:inbox.unread', { count: 3 })).toBe('3 nieprzeczytane wiadomości');
		expect(t('messages:inbox.unread', { count: 5 })).toBe('5 nieprzeczytanych wiadomości');
		expect(t('messages:inbox.unread', { count: 22 })).toBe('22 nieprzeczytane wiadomości');
	});

	it('picks each Arabic form by the number: 2, 5, 11 and 300 characters read differently', () => {
		const t = translator('ar');
		const text = (n: number) => t('errors:tooLong', { count: n });
		const forms = ['two', 'few', 'many', 'other'].map((c) => form('ar', 'errors', `tooLong_${c}`));
		expect(text(2)).toBe(forms[0].replace('{{count}}', '2'));
		expect(text(5)).toBe(forms[1].replace('{{count}}', '5'));
		expect(text(11)).toBe(forms[2].replace('{{count}}', '11'));
		expect(text(300)).toBe(forms[3].replace('{{count}}', '300'));
		expect(new Set(forms).size).toBe(4);
	});
});
