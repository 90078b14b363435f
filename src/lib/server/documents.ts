import { createHash } from 'node:crypto';
import type { Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translate';
import { formatDateTime } from '$lib/format';
import { localeInfo } from '$lib/i18n/locales';
import { runningOrder } from '$lib/domain/agenda';
import type { RenderedLetter } from './outcome-letters';
import type { welcomeLetter } from './welcome-letters';
import { agendaAsRead } from './agenda';
import { meetingForPreparing } from './meetings';
import { choicesFor } from './choices';
import { sayFor } from './consultation';

/**
 * One source for the words of each document that matters (the welcome letter, the letter after the
 * meeting, the child's agenda and running order, the My say questions for their age), as plain text
 * in the document's language: its title, then headings, paragraphs and list items in reading order.
 * The Braille file and the audio version are both made from this, and each is built from the same
 * object its page renders, so the words never drift apart.
 */
/** `literal`: a code to be read sign by sign (uncontracted Braille, spoken letter by letter). */
export type DocumentBlock = { kind: 'heading' | 'paragraph' | 'item'; text: string; literal?: true };
export type DocumentText = { lang: Locale; title: string; blocks: DocumentBlock[] };

const heading = (text: string): DocumentBlock => ({ kind: 'heading', text });
const paragraph = (text: string): DocumentBlock => ({ kind: 'paragraph', text });
const item = (text: string): DocumentBlock => ({ kind: 'item', text });
/** Drops empty blocks, and splits text with line breaks (the IRO's own words) into paragraphs. */
const clean = (blocks: DocumentBlock[]) =>
	blocks.flatMap((b) =>
		b.text
			.split(/\n\s*\n|\r?\n/)
			.map((t) => t.trim())
			.filter(Boolean)
			.map((text) => ({ ...b, text }))
	);

/** A short fingerprint of a document's words: a cache key for the files made from it. */
export function documentVersion(doc: DocumentText): string {
	return createHash('sha256').update(JSON.stringify(doc)).digest('hex').slice(0, 16);
}

/** The whole document as one text (for speech): title first, each block a sentence or more. */
export function documentSpeech(doc: DocumentText): string[] {
	return [doc.title, ...doc.blocks.map((b) => (b.literal ? [...b.text].join(' ') : b.text))];
}

/** "A letter from your IRO", from the object the child's page and the IRO's preview render. */
export function letterDocument(letter: RenderedLetter): DocumentText {
	return {
		lang: letter.lang,
		title: letter.title,
		blocks: clean([
			paragraph(letter.dear),
			paragraph(letter.about),
			paragraph(letter.iroAbout),
			...letter.parts.flatMap((part) => [
				heading(part.heading),
				...part.lines.map(paragraph),
				...(part.items ?? []).map((i) =>
					item(`${letter.labels.said} ${i.said}. ${letter.labels.did} ${i.did}`)
				),
				...(part.decisions ?? []).map((d) => item(`${d.text}. ${d.who}. ${d.when}`)),
				paragraph(part.words)
			]),
			paragraph(letter.signOff)
		])
	};
}

/** The welcome letter, from the object its printed page renders (the code spelt out as printed). */
export function welcomeDocument(letter: ReturnType<typeof welcomeLetter>): DocumentText {
	return {
		lang: letter.lang,
		title: letter.title,
		blocks: clean([
			paragraph(letter.intro),
			paragraph(letter.iroLine),
			paragraph(letter.iroAbout),
			heading(letter.stepsTitle),
			...letter.steps.map(item),
			paragraph(letter.codeLabel),
			{ kind: 'paragraph', text: letter.code, literal: true },
			paragraph(letter.expiry),
			heading(letter.contactTitle),
			paragraph(letter.phone),
			paragraph(letter.help),
			paragraph(letter.signOff)
		])
	};
}

/**
 * The child's agenda and running order for the meeting they are getting ready for, in the language
 * of their pages; null when there is no meeting to get ready for.
 */
export function agendaDocument(childId: string, lang: Locale, t: Translate): DocumentText | null {
	const preparing = meetingForPreparing(childId);
	if (!preparing) return null;
	const { meeting } = preparing;
	const items = agendaAsRead(meeting.id, t);
	const chair = choicesFor(meeting.id)?.chair ?? 'iro';
	const steps = runningOrder(chair, items);
	return {
		lang,
		title: t('prepare:agenda.title'),
		blocks: clean([
			paragraph(t('prepare:forMeeting', { when: formatDateTime(meeting.startsAt, localeInfo(lang).intl) })),
			...(items.length ? items.map((i) => item(i.text)) : [paragraph(t('prepare:runningOrder.noItems'))]),
			heading(t('prepare:runningOrder.title')),
			...steps.map((step) =>
				item(
					[
						step.kind === 'item' ? step.text : t(`prepare:runningOrder.steps.${step.kind}`),
						t('prepare:runningOrder.who', { who: t(`prepare:runningOrder.by.${step.by}`) })
					].join('. ')
				)
			)
		])
	};
}

/** The My say questions for the child's age (the version their meeting uses); null without a meeting. */
export function sayDocument(
	child: { id: string; dateOfBirth: string },
	lang: Locale,
	t: Translate
): DocumentText | null {
	const state = sayFor(child);
	if (!state) return null;
	return {
		lang,
		title: t('say:title'),
		blocks: clean([
			paragraph(t(state.version === 'young' ? 'say:start.introYoung' : 'say:start.intro')),
			...state.steps.flatMap((step) => [
				heading(
					step.questions.length === 1
						? t(`say:q.${step.questions[0].id}.label`)
						: t(`say:steps.${step.id}.title`)
				),
				...(step.questions.length === 1 ? [] : step.questions.map((q) => item(t(`say:q.${q.id}.label`))))
			])
		])
	};
}
