import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Locale } from '$lib/i18n/locales';
import { asciiBraille, brfFile, type BrailleBlock } from '$lib/domain/braille-pages';
import type { DocumentText } from './documents';

/**
 * Braille through liblouis (the `liblouis-build` package: liblouis 3.2 compiled to JavaScript, its
 * tables shipped beside it and read from disk, nothing fetched at run time). English is Unified
 * English Braille, grade 2 (contracted) or grade 1; every other language uses its own uncontracted
 * code where liblouis has one (Welsh its contracted code). Malay, Pashto and Albanian have none in
 * liblouis 3.2, so no Braille file is offered for them.
 */
export const BRAILLE_TABLES: Record<Locale, string | null> = {
	en: 'en-ueb-g2.ctb',
	ar: 'ar-ar-g1.utb',
	'zh-Hant': 'zh-hk.ctb',
	ur: 'ur-pk-g1.utb',
	pl: 'Pl-Pl-g1.utb',
	pa: 'pa.tbl',
	es: 'es-g1.ctb',
	bn: 'bn.tbl',
	hi: 'hi.tbl',
	de: 'de-de-g1.ctb',
	fr: 'fr-bfu-comp6.utb',
	tr: 'tr-g1.ctb',
	ms: null,
	ps: null,
	'fa-AF': 'fa-ir-g1.utb', // Persian Braille: Dari is written with the same letters
	ti: 'ethio-g1.ctb', // Ethiopic Braille, for Ge'ez script
	ckb: 'ckb-g1.ctb',
	vi: 'vi-g1.ctb',
	sq: null,
	cy: 'cy-cy-g2.ctb' // Welsh contracted Braille, as the RNIB produces it
};

export type BrailleGrade = 1 | 2;

/** The table for a language (grade 1 is uncontracted English; other languages have one code). */
export function brailleTable(lang: Locale, grade: BrailleGrade = 2): string | null {
	if (lang === 'en' && grade === 1) return 'en-ueb-g1.ctb';
	return BRAILLE_TABLES[lang];
}

export function hasBraille(lang: Locale): boolean {
	return BRAILLE_TABLES[lang] !== null;
}

/** Print signs some tables do not define, as the nearest sign they do. */
const STAND_INS: [RegExp, string][] = [
	[/[\u0964\u0965]/g, '.'], // danda (Gurmukhi, Bengali)
	[/[\u2018\u2019]/g, "'"],
	[/[\u201c\u201d]/g, '"'],
	[/[\u2013\u2014]/g, '-'],
	[/\u2026/g, '...'],
	// Bengali letters with a nukta, which NFC splits in two: the tables know them whole.
	[/\u09af\u09bc/g, '\u09df'],
	[/\u09a1\u09bc/g, '\u09dc'],
	[/\u09a2\u09bc/g, '\u09dd']
];

type Emscripten = {
	FS: {
		mkdir(path: string): void;
		mount(fs: unknown, opts: { root: string }, path: string): void;
		filesystems: { NODEFS: unknown };
	};
	ccall(name: string, ret: string | null, types: string[], args: unknown[]): number;
	_malloc(bytes: number): number;
	_free(ptr: number): void;
	stringToUTF16(text: string, ptr: number, bytes: number): void;
	setValue(ptr: number, value: number, type: string): void;
	getValue(ptr: number, type: string): number;
	HEAPU16: Uint16Array;
};

let louis: Emscripten | null = null;

function liblouis(): Emscripten {
	if (louis) return louis;
	const require = createRequire(import.meta.url);
	const main = require.resolve('liblouis-build');
	const capi = require('liblouis-build') as Emscripten;
	capi.FS.mkdir('/tables');
	capi.FS.mount(capi.FS.filesystems.NODEFS, { root: join(dirname(main), 'tables') }, '/tables');
	capi.ccall('lou_setLogLevel', null, ['number'], [60000]); // quiet: a missing sign is not news
	louis = capi;
	return capi;
}

/** One string in Unicode braille through a table (the UTF-16 build: one 16-bit unit a character). */
export function translateToBraille(table: string, text: string): string {
	if (!text) return '';
	const capi = liblouis();
	const inLength = text.length;
	const capacity = inLength * 8 + 64;
	const input = capi._malloc((inLength + 1) * 2);
	const output = capi._malloc(capacity * 2);
	const inLengthPtr = capi._malloc(4);
	const outLengthPtr = capi._malloc(4);
	try {
		capi.stringToUTF16(text, input, (inLength + 1) * 2);
		capi.setValue(inLengthPtr, inLength, 'i32');
		capi.setValue(outLengthPtr, capacity, 'i32');
		const ok = capi.ccall(
			'lou_translateString',
			'number',
			['string', 'number', 'number', 'number', 'number', 'number', 'number', 'number'],
			[`tables/unicode.dis,tables/${table}`, input, inLengthPtr, output, outLengthPtr, 0, 0, 0]
		);
		if (!ok) throw new Error(`liblouis could not translate with ${table}`);
		const length = capi.getValue(outLengthPtr, 'i32');
		return String.fromCharCode(...capi.HEAPU16.subarray(output >> 1, (output >> 1) + length));
	} finally {
		for (const ptr of [input, output, inLengthPtr, outLengthPtr]) capi._free(ptr);
	}
}

/** A print string as ASCII braille in a language's code. */
export function toBraille(text: string, lang: Locale, grade: BrailleGrade = 2): string {
	const table = brailleTable(lang, grade);
	if (!table) throw new Error(`no braille table for ${lang}`);
	const print = STAND_INS.reduce((s, [from, to]) => s.replace(from, to), text.normalize('NFC'));
	return asciiBraille(translateToBraille(table, print.replace(/\s+/g, ' ').trim()));
}

/** A document as a BRF file, or null for a language without a braille code in liblouis. */
export function brailleFile(doc: DocumentText, grade: BrailleGrade = 2): string | null {
	if (!hasBraille(doc.lang)) return null;
	const blocks: BrailleBlock[] = [
		{ kind: 'title', braille: toBraille(doc.title, doc.lang, grade) },
		...doc.blocks.map((b) => ({ kind: b.kind, braille: toBraille(b.text, doc.lang, b.literal ? 1 : grade) }))
	];
	return brfFile(blocks);
}
