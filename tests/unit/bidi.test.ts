import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translatorOf } from '$lib/i18n/translate';
import { FSI, LRI, PDI, isolateValues } from '$lib/i18n/bidi';
import {
	FEELING_EMOJI,
	PICTURE_EMOJI,
	answerPicture,
	answerPictures,
	pictureFile
} from '$lib/components/say/labels';

const messages = (phone: string, sent: string) => ({ letter: { phone }, say: { sent } });

describe('values inside right-to-left sentences', () => {
	it('isolates phone numbers left to right and dates in their own direction, in Arabic and Urdu', () => {
		for (const lng of ['ar', 'ur'] as const) {
			const t = translatorOf(lng, messages('الهاتف: {{phone}}', 'أرسلت في {{date}}'));
			expect(t('letter:phone', { phone: '0300 123 4501' })).toBe(`الهاتف: ${LRI}0300 123 4501${PDI}`);
			expect(t('say:sent', { date: '٣ مارس ٢٠٢٦' })).toBe(`أرسلت في ${FSI}٣ مارس ٢٠٢٦${PDI}`);
		}
	});

	it('leaves left-to-right languages as they were (nothing invisible added)', () => {
		const t = translatorOf('en', messages('Phone: {{phone}}', 'Sent on {{date}}'));
		expect(t('letter:phone', { phone: '0300 123 4501' })).toBe('Phone: 0300 123 4501');
		expect(t('say:sent', { date: '3 March 2026' })).toBe('Sent on 3 March 2026');
	});

	it('isolates only the kinds of value that need it, and leaves options such as count alone', () => {
		const options = { name: 'Sam', count: 3, email: 'a@b.example', code: 'AC34-DE67', time: '16:00' };
		expect(isolateValues(options)).toEqual({
			name: 'Sam',
			count: 3,
			email: `${LRI}a@b.example${PDI}`,
			code: `${LRI}AC34-DE67${PDI}`,
			time: `${FSI}16:00${PDI}`
		});
		const plain = { name: 'Sam' };
		expect(isolateValues(plain)).toBe(plain);
	});
});

describe('pictures for the youngest children', () => {
	it('ships a picture file for every face and picture card', () => {
		for (const emoji of [...Object.values(FEELING_EMOJI), ...Object.values(PICTURE_EMOJI)]) {
			expect(existsSync(`static${pictureFile(emoji)}`), emoji).toBe(true);
		}
	});

	it('names the shipped Noto file for each emoji, without the variation selector', () => {
		expect(pictureFile('😀')).toBe('/pictures/emoji_u1f600.svg');
		expect(pictureFile('🏖️')).toBe('/pictures/emoji_u1f3d6.svg');
		expect(answerPicture('feeling', 'sad')).toBe('/pictures/emoji_u1f622.svg');
		expect(answerPicture('pictures', 'pets')).toBe('/pictures/emoji_u1f436.svg');
		expect(answerPicture('text', 'pets')).toBeUndefined();
	});

	it('gives each picked picture its word and its picture, in order', () => {
		const t = (key: string) => key;
		expect(answerPictures(t, { kind: 'pictures' }, ['pets', 'food'])).toEqual([
			{ value: 'pets', label: 'say:pictures.pets', picture: '/pictures/emoji_u1f436.svg' },
			{ value: 'food', label: 'say:pictures.food', picture: '/pictures/emoji_u1f34e.svg' }
		]);
		expect(answerPictures(t, { kind: 'feeling' }, 'happy')).toEqual([
			{ value: 'happy', label: 'say:feelings.happy', picture: '/pictures/emoji_u1f600.svg' }
		]);
		expect(answerPictures(t, { kind: 'text' }, 'hello')).toBeNull();
	});
});
