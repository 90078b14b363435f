/**
 * Read aloud: the rules that need no page. A page's text is split into sentences the way its
 * language writes them (`Intl.Segmenter`, so Arabic ؟, Urdu ۔, Hindi । and Chinese 。 end a
 * sentence), and a voice is chosen whose language matches the page's. The browser side (which text
 * of `main` to read, the highlight, the Web Speech API) is `components/listen/`.
 */

/** One sentence of a run of text: where it starts and ends in that text, and its words. */
export interface Sentence {
	start: number;
	end: number;
	text: string;
}

/** How fast to read: the `rate` of each utterance. */
export const SPEEDS = { slower: 0.7, normal: 1, faster: 1.35 } as const;
export type Speed = keyof typeof SPEEDS;
export const SPEED_CHOICES = Object.keys(SPEEDS) as Speed[];

const HAS_WORDS = /[\p{L}\p{N}]/u;
/** Where Intl.Segmenter is missing: a sentence ends at these marks (and the spaces after them). */
const FALLBACK_END = /[^.!?。！？।۔؟]+(?:[.!?。！？।۔؟]+|$)\s*/gu;

function segmentsOf(text: string, lang: string): Array<{ index: number; segment: string }> {
	if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
		let segmenter: Intl.Segmenter;
		try {
			segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
		} catch {
			segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
		}
		return [...segmenter.segment(text)];
	}
	return [...text.matchAll(FALLBACK_END)].map((m) => ({ index: m.index ?? 0, segment: m[0] }));
}

/**
 * The sentences of `text` in language `lang`, each trimmed of the spaces around it, with its place in
 * `text` (so the page can highlight it); runs with no letters or digits (a lone dash) are left out.
 */
export function sentencesOf(text: string, lang: string): Sentence[] {
	const out: Sentence[] = [];
	// A page's line breaks are only layout (HTML joins lines), so one space each: the places stay the same.
	for (const { index, segment } of segmentsOf(text.replace(/\s/gu, ' '), lang)) {
		const lead = segment.length - segment.trimStart().length;
		const trimmed = segment.trim();
		if (!HAS_WORDS.test(trimmed)) continue;
		const start = index + lead;
		out.push({ start, end: start + trimmed.length, text: trimmed.replace(/\s+/gu, ' ') });
	}
	return out;
}

/** What the Web Speech API says about a voice (SpeechSynthesisVoice has these). */
export interface VoiceLike {
	lang: string;
	name: string;
	default?: boolean;
	localService?: boolean;
}

/** Where a language names a script, the regions whose voices read that script best. */
const SCRIPT_REGIONS: Record<string, readonly string[]> = {
	'zh-hant': ['hant', 'tw', 'hk', 'mo'],
	'zh-hans': ['hans', 'cn', 'sg']
};

const tagOf = (lang: string) => lang.replace(/_/gu, '-').toLowerCase();

function score(voiceLang: string, want: string): number {
	const have = tagOf(voiceLang);
	if (!have) return 0;
	if (have === want) return 4;
	const [primary, ...wanted] = want.split('-');
	const [voicePrimary, ...subtags] = have.split('-');
	if (voicePrimary !== primary) return 0;
	const preferred = SCRIPT_REGIONS[want] ?? wanted;
	if (subtags.some((s) => preferred.includes(s))) return 3;
	// zh-Hant asked, a zh-CN voice offered: it can still read the words, so it is the last choice.
	if (SCRIPT_REGIONS[want] && subtags.length) return 1;
	return 2;
}

/**
 * The device's best voice for `lang` (a BCP 47 tag such as `ar`, `zh-Hant`, `pa`): the exact tag,
 * then one of its script's regions, then any of the same language; among equals the device's default,
 * then one that works offline. Null when the device has no voice for the language.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
	const want = tagOf(lang);
	let best: V | null = null;
	let bestScore = 0;
	const rank = (v: V) => score(v.lang, want) * 4 + (v.default ? 2 : 0) + (v.localService ? 1 : 0);
	for (const voice of voices) {
		if (score(voice.lang, want) === 0) continue;
		const r = rank(voice);
		if (r > bestScore) {
			best = voice;
			bestScore = r;
		}
	}
	return best;
}
