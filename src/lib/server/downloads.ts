import { notFound } from './access';
import { brailleFile, hasBraille } from './braille';
import { audioFile, hasVoice } from './audio';
import type { DocumentText } from './documents';
import type { Locale } from '$lib/i18n/locales';

/**
 * A document as a file to download: Braille (BRF; English also in grade 1) or audio (MP3). The route
 * has already asked access.ts for the document; a format the document's language cannot have is 404.
 */
export const DOWNLOAD_FORMATS = ['brf', 'brf-grade-1', 'mp3'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** Which downloads a page offers for a document in this language. */
export function downloadsFor(lang: Locale) {
	return { lang, braille: hasBraille(lang), grade1: lang === 'en', audio: hasVoice(lang) };
}
export type Downloads = ReturnType<typeof downloadsFor>;

export async function documentDownload(
	doc: DocumentText | null,
	format: string,
	name: string
): Promise<Response> {
	if (!doc) notFound();
	const headers = (type: string, file: string) => ({
		'content-type': type,
		'content-disposition': `attachment; filename="${file}"`,
		'content-language': doc.lang,
		'cache-control': 'no-store'
	});
	if (format === 'brf' || (format === 'brf-grade-1' && doc.lang === 'en')) {
		const grade = format === 'brf' ? 2 : 1;
		const brf = brailleFile(doc, grade);
		if (brf === null) notFound();
		const file = grade === 1 ? `${name}-grade-1.brf` : `${name}.brf`;
		return new Response(brf, { headers: headers('application/x-brf; charset=us-ascii', file) });
	}
	if (format === 'mp3') {
		const made = audioFile(doc);
		if (!made) notFound();
		const mp3 = await made;
		return new Response(new Uint8Array(mp3), { headers: headers('audio/mpeg', `${name}.mp3`) });
	}
	notFound();
}
