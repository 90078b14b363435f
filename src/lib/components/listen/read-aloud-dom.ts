import { sentencesOf } from '$lib/domain/read-aloud';

/**
 * Which words of a page "Read this page to me" reads, in the browser: the text of `main` that can be
 * seen, in document order, block by block (a heading, a paragraph, a list item is never joined to the
 * next), each block cut into sentences in its own language. Left out: what is hidden, navigation,
 * the quick exit, form fields' option lists, and the read-aloud control itself.
 */
export interface SpokenSentence {
	text: string;
	/** The language of the words (their element's `lang`, else the page's). */
	lang: string;
	/** Where the sentence is on the page, to highlight it. */
	range: Range;
	/** The block it is in, outlined while it is read. */
	block: Element;
}

const SKIP = [
	'nav',
	'script',
	'style',
	'noscript',
	'template',
	'select',
	'textarea',
	'[hidden]',
	'[aria-hidden="true"]',
	'[inert]',
	'.quick-exit',
	'.skip-link',
	'[data-read-aloud-skip]'
].join(', ');

const BLOCK = [
	'address',
	'article',
	'aside',
	'blockquote',
	'button',
	'caption',
	'dd',
	'details',
	'div',
	'dl',
	'dt',
	'fieldset',
	'figcaption',
	'footer',
	'form',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'header',
	'label',
	'legend',
	'li',
	'main',
	'ol',
	'p',
	'pre',
	'section',
	'summary',
	'table',
	'td',
	'th',
	'tr',
	'ul'
].join(', ');

function isShown(element: Element): boolean {
	if ('checkVisibility' in element && typeof element.checkVisibility === 'function') {
		return element.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
	}
	return element.getClientRects().length > 0;
}

interface Run {
	block: Element;
	nodes: Text[];
}

/** The sentences to read in `root` (the page's `main`), in order. */
export function sentencesIn(root: Element, pageLang: string): SpokenSentence[] {
	const shown = new Map<Element, boolean>();
	const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
		acceptNode(node) {
			const parent = node.parentElement;
			if (!parent || parent.closest(SKIP)) return NodeFilter.FILTER_REJECT;
			let visible = shown.get(parent);
			if (visible === undefined) shown.set(parent, (visible = isShown(parent)));
			return visible ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
		}
	});
	const runs: Run[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node as Text;
		const block = text.parentElement!.closest(BLOCK) ?? root;
		const last = runs[runs.length - 1];
		if (last && last.block === block) last.nodes.push(text);
		else runs.push({ block, nodes: [text] });
	}
	return runs.flatMap((run) => sentencesOfRun(run, pageLang));
}

function sentencesOfRun({ block, nodes }: Run, pageLang: string): SpokenSentence[] {
	const text = nodes.map((n) => n.data).join('');
	const lang = block.closest('[lang]')?.getAttribute('lang') || pageLang;
	/** The text node and offset at a place in the joined text. */
	const at = (place: number, end: boolean): [Text, number] => {
		let offset = place;
		for (const node of nodes) {
			const length = node.data.length;
			if (offset < length || (end && offset === length)) return [node, offset];
			offset -= length;
		}
		const last = nodes[nodes.length - 1];
		return [last, last.data.length];
	};
	return sentencesOf(text, lang).map((sentence) => {
		const range = block.ownerDocument.createRange();
		range.setStart(...at(sentence.start, false));
		range.setEnd(...at(sentence.end, true));
		return { text: sentence.text, lang, range, block };
	});
}
