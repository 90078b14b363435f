import { describe, expect, it } from 'vitest';
import { brailleFile, toBraille, BRAILLE_TABLES } from '$lib/server/braille';
import { asciiBraille, BRF_CELLS, BRF_LINES, brfFile, brfPages, wrap } from '$lib/domain/braille-pages';
import { LOCALES } from '$lib/i18n/locales';

/**
 * Unified English Braille, checked against transcriptions made by the rules, not by this code:
 * the wordsigns, groupsigns and shortforms of "The Rules of Unified English Braille" (ICEB, 2nd
 * edition 2013: §10.1 alphabetic wordsigns, §10.2 strong wordsigns, §10.4 strong groupsigns, §10.9
 * shortforms list, §8 capitals, §6 numeric mode), in North American ASCII braille as a BRF holds it.
 */
const UEB_GRADE_2: [string, string][] = [
	['the', '!'],
	['and', '&'],
	['with', ')'],
	['you', 'Y'],
	['knowledge', 'K'],
	['for', '='],
	['of', '('],
	['Sam', ',SAM'],
	['IRO', ',,IRO'],
	['123', '#ABC'],
	// UEB has no contraction for "to" (EBAE's lower wordsign was dropped), "your" is the shortform YR.
	['Your IRO will write to you.', ',YR ,,IRO W WRITE TO Y4'],
	// "ee" has no sign in UEB (dots 2-5 is "cc"); "ing" is +.
	['The child will go to the meeting.', ',! * W G TO ! MEET+4'],
	['You have 3 letters.', ',Y H #C LRS4'],
	['Thank you for your views, Sam!', ',?ANK Y = YR VIEWS1 ,SAM6'],
	['Knowledge is power.', ',K IS P[]4'],
	['Which children shall come out today?', ',: *N % COME \\ TD8'],
	['The meeting is on 14 March at 10:30.', ',! MEET+ IS ON #AD ,M>* AT #AJ3#CJ4']
];

const UEB_GRADE_1: [string, string][] = [
	['The child will go to the meeting.', ',THE CHILD WILL GO TO THE MEETING4'],
	['Knowledge and you, 123.', ',KNOWLEDGE AND YOU1 #ABC4']
];

describe('Braille translation', () => {
	it.each(UEB_GRADE_2)('UEB grade 2: %s', (print, brf) => {
		expect(toBraille(print, 'en', 2)).toBe(brf);
	});

	it.each(UEB_GRADE_1)('UEB grade 1: %s', (print, brf) => {
		expect(toBraille(print, 'en', 1)).toBe(brf);
	});

	it('writes Unicode braille cells as the ASCII braille of a BRF', () => {
		// ⠠ dot 6 is the capital sign ",", ⠼ dots 3456 the number sign "#", ⠿ all six "=".
		expect(asciiBraille('⠠⠎⠁⠍ ⠼⠁⠃⠉ ⠿')).toBe(',SAM #ABC =');
	});

	it('uses each language’s own code: Arabic letters, Spanish ñ, German and Polish numbers', () => {
		// Arabic braille: alif is dots 1 (A), meem dots 134 (M), ra dots 1235 (R), ba dots 12 (B).
		expect(toBraille('مرحبا', 'ar')).toBe('MR:BA');
		// Spanish braille: ñ is dots 12456 (]), capital dots 46 (.).
		expect(toBraille('Niño', 'es')).toBe('.NI]O');
		expect(toBraille('123', 'de')).toBe('#ABC');
	});

	it('makes a file in every language with a table, and none for Malay, Pashto or Albanian', () => {
		for (const { code } of LOCALES) {
			const doc = { lang: code, title: 'x', blocks: [] };
			if (BRAILLE_TABLES[code] === null) expect(brailleFile(doc)).toBeNull();
		}
		expect(LOCALES.filter((l) => BRAILLE_TABLES[l.code] === null).map((l) => l.code)).toEqual([
			'ms',
			'ps',
			'sq'
		]);
	});

	it('translates a real sentence in each language without unknown-character escapes', () => {
		const samples: Record<string, string> = {
			ar: 'أهلاً بك في اجتماعك.',
			'zh-Hant': '歡迎來到你的會議。',
			ur: 'آپ کی میٹنگ میں خوش آمدید۔',
			pl: 'Witaj na spotkaniu.',
			pa: 'ਤੁਹਾਡੀ ਮੀਟਿੰਗ ਵਿੱਚ ਜੀ ਆਇਆਂ ਨੂੰ।',
			es: 'Bienvenido a tu reunión.',
			bn: 'আপনার সভায় স্বাগতম।',
			hi: 'आपकी बैठक में स्वागत है।',
			de: 'Willkommen zu deinem Treffen.',
			fr: 'Bienvenue à ta réunion.',
			tr: 'Toplantına hoş geldin.',
			'fa-AF': 'به جلسه‌تان خوش آمدید.',
			ti: 'ናብ ኣኼባኹም እንቋዕ ብደሓን መጻእኩም።',
			ckb: 'بەخێربێیت بۆ کۆبوونەوەکەت.',
			vi: 'Chào mừng bạn đến với cuộc họp.',
			cy: 'Croeso i dy gyfarfod.'
		};
		for (const [lang, text] of Object.entries(samples)) {
			const brf = toBraille(text, lang as never);
			expect(brf.length, lang).toBeGreaterThan(3);
			// liblouis writes a sign it does not know as '\xNNNN'.
			expect(brf, lang).not.toMatch(/\\X[0-9A-F]{4}/);
		}
	});
});

describe('BRF page layout', () => {
	const words = (n: number) => Array.from({ length: n }, (_, i) => 'WORD' + 'X'.repeat(i % 7)).join(' ');

	it('never breaks a line inside a word and keeps every line to 40 cells', () => {
		const text = words(400);
		const lines = wrap({ kind: 'paragraph', braille: text });
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(BRF_CELLS);
		// Every word on the lines is a whole word of the text, in order.
		expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(text.split(' '));
	});

	it('indents a paragraph’s first line two cells and a list item’s runover lines two cells', () => {
		const para = wrap({ kind: 'paragraph', braille: words(30) });
		expect(para[0].startsWith('  W')).toBe(true);
		expect(para[1].startsWith('W')).toBe(true);
		const item = wrap({ kind: 'item', braille: words(30) });
		expect(item[0].startsWith('W')).toBe(true);
		expect(item[1].startsWith('  W')).toBe(true);
	});

	it('has 25 lines a page, the braille page number at the end of the last, a form feed between pages', () => {
		const blocks = [
			{ kind: 'title' as const, braille: ',LETTER' },
			...Array.from({ length: 20 }, () => ({ kind: 'paragraph' as const, braille: words(25) }))
		];
		const pages = brfPages(blocks);
		expect(pages.length).toBeGreaterThan(2);
		pages.forEach((page, i) => {
			expect(page).toHaveLength(BRF_LINES);
			const last = page[BRF_LINES - 1];
			expect(last).toHaveLength(BRF_CELLS);
			expect(last.trim()).toBe(['#A', '#B', '#C', '#D', '#E', '#F', '#G', '#H', '#I', '#AJ'][i]);
		});
		const file = brfFile(blocks);
		expect(file.split('\f')).toHaveLength(pages.length);
		for (const page of file.split('\f')) {
			const lines = page.split('\r\n').slice(0, -1);
			expect(lines).toHaveLength(BRF_LINES);
			for (const line of lines) expect(line.length).toBeLessThanOrEqual(BRF_CELLS);
		}
	});

	it('centres a heading and does not leave it alone at the foot of a page', () => {
		const [heading] = wrap({ kind: 'heading', braille: ',MY ,AG5DA' });
		expect(heading.trim()).toBe(',MY ,AG5DA');
		expect(heading.indexOf(',')).toBe(Math.floor((BRF_CELLS - 10) / 2));
		const filler = Array.from({ length: 23 }, () => ({ kind: 'item' as const, braille: 'X' }));
		const pages = brfPages([...filler, { kind: 'heading', braille: ',H' }, { kind: 'item', braille: 'Y' }]);
		expect(pages[1][0].trim()).toBe(',H');
	});
});

describe('documents in Braille', () => {
	it('writes a code sign by sign (uncontracted) inside a contracted document', () => {
		const brf = brailleFile({
			lang: 'en',
			title: 'Your code',
			blocks: [
				{ kind: 'paragraph', text: 'Your code is' },
				{ kind: 'paragraph', text: 'EDAR-TH47', literal: true }
			]
		})!;
		// Grade 2 would write "ed", "ar" and "th" as one cell each ($, >, ?).
		expect(brf).toContain(',,EDAR-,,TH#DG');
		expect(brf).toContain(',YR CODE IS');
	});
});
