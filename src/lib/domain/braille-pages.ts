/**
 * A Braille Ready File (BRF): the page layout of a document already translated into braille, as
 * North American ASCII braille (one ASCII character a cell). 40 cells a line, 25 lines a page, the
 * page number at the end of the last line, no line broken inside a word, a form feed between pages.
 */

export const BRF_CELLS = 40;
export const BRF_LINES = 25;
/** Lines of text a page: the last line carries the page number. */
const TEXT_LINES = BRF_LINES - 1;

/** The 64 six-dot cells (dot 1 = bit 0 … dot 6 = bit 5) as ASCII braille. */
const ASCII_BRAILLE = ' A1B\'K2L@CIF/MSP"E3H9O6R^DJG>NTQ,*5<-U8V.%[$+X!&;:4\\0Z7(_?W]#Y)=';

/** Unicode braille (U+2800…) to ASCII braille; dots 7 and 8 have no place in a six-dot BRF. */
export function asciiBraille(unicode: string): string {
	let out = '';
	for (const ch of unicode) {
		const code = ch.codePointAt(0)!;
		if (code >= 0x2800 && code <= 0x28ff) out += ASCII_BRAILLE[(code - 0x2800) & 0x3f];
		else if (ch === '\u00a0' || /\s/.test(ch)) out += ' ';
		else if (code >= 0x20 && code < 0x7f) out += ch.toUpperCase();
	}
	return out;
}

/** A page number in braille: the number sign, then the digits as the letters a–j. */
export function brailleNumber(n: number): string {
	return '#' + [...String(n)].map((d) => 'JABCDEFGHI'[Number(d)]).join('');
}

export type BrailleBlock = {
	kind: 'title' | 'heading' | 'paragraph' | 'item';
	/** The block in ASCII braille, words separated by spaces. */
	braille: string;
};

/** Where a block's first line and its following lines begin (cells of indent). */
const INDENT: Record<BrailleBlock['kind'], [number, number]> = {
	title: [0, 0],
	heading: [0, 0],
	paragraph: [2, 0],
	item: [0, 2]
};

/** Splits one word longer than a line into pieces that end with a hyphen (the only break inside a word). */
function pieces(word: string, width: number): string[] {
	if (word.length <= width) return [word];
	const out: string[] = [];
	let rest = word;
	while (rest.length > width) {
		out.push(rest.slice(0, width - 1) + '-');
		rest = rest.slice(width - 1);
	}
	return [...out, rest];
}

/** The lines of one block: words fill each line, a line breaks only between words. */
export function wrap(block: BrailleBlock, cells = BRF_CELLS): string[] {
	const [first, rest] = INDENT[block.kind];
	const words = block.braille.split(' ').filter(Boolean);
	const lines: string[] = [];
	let line = '';
	const indent = () => (lines.length === 0 ? first : rest);
	for (const word of words) {
		const width = cells - indent();
		if (!line) {
			const parts = pieces(word, width);
			for (const part of parts.slice(0, -1)) {
				lines.push(' '.repeat(indent()) + part);
			}
			line = parts[parts.length - 1];
		} else if (line.length + 1 + word.length <= width) {
			line += ' ' + word;
		} else {
			lines.push(' '.repeat(indent()) + line);
			const parts = pieces(word, cells - indent());
			for (const part of parts.slice(0, -1)) lines.push(' '.repeat(indent()) + part);
			line = parts[parts.length - 1];
		}
	}
	if (line) lines.push(' '.repeat(indent()) + line);
	if (block.kind === 'title' || block.kind === 'heading') {
		// Headings are centred, as braille headings are.
		return lines.map((l) => ' '.repeat(Math.floor((cells - l.length) / 2)) + l);
	}
	return lines;
}

/** The pages of a document: each exactly 25 lines, its number at the end of the last line. */
export function brfPages(blocks: BrailleBlock[]): string[][] {
	const pages: string[][] = [];
	let page: string[] = [];
	const close = () => {
		while (page.length < TEXT_LINES) page.push('');
		const number = brailleNumber(pages.length + 1);
		page.push(' '.repeat(BRF_CELLS - number.length) + number);
		pages.push(page);
		page = [];
	};
	for (const block of blocks) {
		const lines = wrap(block);
		if (lines.length === 0) continue;
		const heading = block.kind === 'heading' || block.kind === 'title';
		// A blank line before a heading, unless it starts the page.
		const gap = heading && page.length > 0 ? 1 : 0;
		// A heading is kept with at least the first line after it.
		const needed = heading ? Math.min(lines.length + 2, TEXT_LINES) : 1;
		if (page.length + gap + needed > TEXT_LINES) close();
		else if (gap) page.push('');
		for (const line of lines) {
			if (page.length === TEXT_LINES) close();
			page.push(line);
		}
	}
	if (page.length > 0 || pages.length === 0) close();
	return pages;
}

/** The file: lines end with CR LF, pages are separated by a form feed. */
export function brfFile(blocks: BrailleBlock[]): string {
	return brfPages(blocks)
		.map((page) => page.map((line) => line.trimEnd()).join('\r\n') + '\r\n')
		.join('\f');
}
