import { describe, expect, it } from 'vitest';
import { chooseVoice, sentencesOf } from '$lib/domain/read-aloud';

const texts = (text: string, lang: string) => sentencesOf(text, lang).map((s) => s.text);

describe('sentencesOf', () => {
	it('splits English into sentences, trimmed, with their places in the text', () => {
		const text = '  Hello Sam! Your meeting is on Monday.   What would you like to say? ';
		const sentences = sentencesOf(text, 'en');
		expect(sentences.map((s) => s.text)).toEqual([
			'Hello Sam!',
			'Your meeting is on Monday.',
			'What would you like to say?'
		]);
		for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
	});

	it('splits Arabic at the Arabic question mark and full stop', () => {
		expect(texts('مرحبا زينب. ماذا تريدين أن تقولي؟ اجتماعك يوم الاثنين.', 'ar')).toEqual([
			'مرحبا زينب.',
			'ماذا تريدين أن تقولي؟',
			'اجتماعك يوم الاثنين.'
		]);
	});

	it('splits Traditional Chinese at 。 and ？ with no spaces between sentences', () => {
		expect(texts('你好。你的會議在星期一。你想說什麼？', 'zh-Hant')).toEqual([
			'你好。',
			'你的會議在星期一。',
			'你想說什麼？'
		]);
	});

	it('splits Hindi at the danda and Urdu at its full stop', () => {
		expect(texts('नमस्ते। आपकी बैठक सोमवार को है।', 'hi')).toEqual(['नमस्ते।', 'आपकी बैठक सोमवार को है।']);
		expect(texts('سلام۔ آپ کی میٹنگ پیر کو ہے۔', 'ur')).toEqual(['سلام۔', 'آپ کی میٹنگ پیر کو ہے۔']);
	});

	it('leaves out runs with no words and joins lines inside a sentence', () => {
		expect(texts('–  \n', 'en')).toEqual([]);
		expect(texts('One\n  line.', 'en')).toEqual(['One line.']);
	});
});

describe('chooseVoice', () => {
	const voice = (lang: string, name = lang, extra: { default?: boolean; localService?: boolean } = {}) => ({
		lang,
		name,
		...extra
	});

	it('picks a voice of the page’s language, preferring the exact tag', () => {
		const voices = [voice('en-US'), voice('ar-SA'), voice('ar', 'Arabic')];
		expect(chooseVoice(voices, 'ar')?.name).toBe('Arabic');
		expect(chooseVoice([voice('en-US'), voice('ar-SA')], 'ar')?.name).toBe('ar-SA');
		expect(chooseVoice([voice('en_GB')], 'en')?.name).toBe('en_GB');
	});

	it('is null when the device has no voice for the language', () => {
		expect(chooseVoice([voice('en-GB'), voice('fr-FR')], 'ar')).toBeNull();
		expect(chooseVoice([], 'en')).toBeNull();
	});

	it('reads Traditional Chinese with a Taiwan or Hong Kong voice before a mainland one', () => {
		const voices = [voice('zh-CN'), voice('zh-HK'), voice('en-GB')];
		expect(chooseVoice(voices, 'zh-Hant')?.name).toBe('zh-HK');
		expect(chooseVoice([voice('zh-CN')], 'zh-Hant')?.name).toBe('zh-CN');
	});

	it('prefers the device’s default, then an offline voice, among equals', () => {
		const voices = [
			voice('en-GB', 'a'),
			voice('en-US', 'b', { localService: true }),
			voice('en-AU', 'c', { default: true })
		];
		expect(chooseVoice(voices, 'en')?.name).toBe('c');
		expect(chooseVoice(voices.slice(0, 2), 'en')?.name).toBe('b');
	});
});
