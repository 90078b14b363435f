import { describe, expect, it } from 'vitest';
import { audioFile, speak, VOICES } from '$lib/server/audio';
import { LOCALES, type Locale } from '$lib/i18n/locales';

/** A short and a longer sentence in each language, as a child would read them. */
const SAMPLES: Partial<Record<Locale, [string, string]>> = {
	en: ['Hello Sam.', 'Hello Sam. This is a letter from your IRO about your meeting. Thank you for coming.'],
	ar: ['مرحبا زينب.', 'مرحبا زينب. هذه رسالة من مسؤول المراجعة عن اجتماعك. شكرا لحضورك.'],
	'zh-Hant': ['你好。', '你好。這是你的獨立審查主任寫給你的信，是關於你的會議的。謝謝你來參加。'],
	ur: ['سلام۔', 'سلام۔ یہ آپ کی میٹنگ کے بارے میں آپ کے آئی آر او کا خط ہے۔ آنے کا شکریہ۔'],
	pl: ['Cześć.', 'Cześć. To jest list od twojego IRO o twoim spotkaniu. Dziękuję, że przyszedłeś.'],
	pa: ['ਸਤ ਸ੍ਰੀ ਅਕਾਲ।', 'ਸਤ ਸ੍ਰੀ ਅਕਾਲ। ਇਹ ਤੁਹਾਡੀ ਮੀਟਿੰਗ ਬਾਰੇ ਤੁਹਾਡੇ ਅਧਿਕਾਰੀ ਦੀ ਚਿੱਠੀ ਹੈ। ਆਉਣ ਲਈ ਧੰਨਵਾਦ।'],
	es: ['Hola.', 'Hola. Esta es una carta de tu IRO sobre tu reunión. Gracias por venir.'],
	bn: ['নমস্কার।', 'নমস্কার। এটি তোমার সভা নিয়ে তোমার কর্মকর্তার চিঠি। আসার জন্য ধন্যবাদ।'],
	hi: ['नमस्ते।', 'नमस्ते। यह आपकी बैठक के बारे में आपके अधिकारी का पत्र है। आने के लिए धन्यवाद।'],
	de: ['Hallo.', 'Hallo. Das ist ein Brief von deiner IRO über dein Treffen. Danke, dass du gekommen bist.'],
	fr: ['Bonjour.', 'Bonjour. Voici une lettre de ton IRO sur ta réunion. Merci d’être venu.'],
	tr: ['Merhaba.', 'Merhaba. Bu, toplantın hakkında IRO’ndan bir mektup. Geldiğin için teşekkürler.'],
	ms: ['Helo.', 'Helo. Ini surat daripada IRO kamu tentang mesyuarat kamu. Terima kasih kerana datang.'],
	'fa-AF': ['سلام.', 'سلام. این نامه‌ای از IRO شما درباره جلسه‌تان است. از آمدن شما تشکر.'],
	vi: ['Xin chào.', 'Xin chào. Đây là thư của IRO gửi bạn về cuộc họp của bạn. Cảm ơn bạn đã đến.'],
	sq: ['Përshëndetje.', 'Përshëndetje. Kjo është një letër nga IRO për takimin tënd. Faleminderit që erdhe.'],
	cy: ['Helo.', 'Helo. Dyma lythyr gan dy IRO am dy gyfarfod. Diolch am ddod.']
};

describe('audio versions', () => {
	it('has a voice for every language but Pashto, Tigrinya and Sorani (eSpeak NG has none)', () => {
		expect(LOCALES.filter((l) => !VOICES[l.code]).map((l) => l.code)).toEqual(['ps', 'ti', 'ckb']);
	});

	it.each(LOCALES.filter((l) => VOICES[l.code]).map((l) => l.code))(
		'speaks %s: not silent, longer for a longer text, an MP3 of plausible size',
		async (lang) => {
			const [short, long] = SAMPLES[lang]!;
			const a = await speak(short, lang);
			const b = await speak(long, lang);
			expect(a.rms).toBeGreaterThan(0.02);
			expect(b.rms).toBeGreaterThan(0.02);
			expect(a.seconds).toBeGreaterThan(0.3);
			expect(b.seconds).toBeGreaterThan(a.seconds * 2);
			expect(b.seconds).toBeLessThan(60);
			// MPEG audio frames (sync word 0xFFE) at 32 kbit/s: about 4 kB a second.
			expect(b.mp3[0]).toBe(0xff);
			expect(b.mp3[1] & 0xe0).toBe(0xe0);
			expect(b.mp3.length).toBeGreaterThan(b.seconds * 3000);
			expect(b.mp3.length).toBeLessThan(b.seconds * 5000 + 2000);
		},
		30_000
	);

	it('makes a document once and keeps it', async () => {
		const doc = {
			lang: 'en' as const,
			title: 'My agenda',
			blocks: [{ kind: 'item' as const, text: 'Football' }]
		};
		const first = await audioFile(doc);
		expect(audioFile(doc)).toBe(audioFile(doc));
		expect(await audioFile(doc)).toBe(first);
	});
});
